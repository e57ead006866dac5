package org.microsmartgrid.city.stats.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.microsmartgrid.city.people.auth.Callers;
import org.microsmartgrid.city.stats.CommunityService;
import org.microsmartgrid.city.stats.StatsConfig;
import org.microsmartgrid.city.stats.StatsService;
import org.microsmartgrid.city.stats.cer.Community;
import org.microsmartgrid.city.stats.sessions.Co2;
import org.microsmartgrid.city.stats.store.StatsStore;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;

/** {@link StatsApi} on the city's HTTP server, with people's accounts for the roles. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/stats/*")
@HttpWhiteboardServletName("msg-city-stats")
public final class StatsApiService extends jakarta.servlet.http.HttpServlet implements StatsApi.Backend {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient StatsService stats;

    @Reference
    private transient Callers callers;

    private final transient List<CommunityService> communities = new CopyOnWriteArrayList<>();
    private final transient StatsApi api = new StatsApi(() -> this);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCommunity(CommunityService c) {
        communities.add(c);
    }

    void removeCommunity(CommunityService c) {
        communities.remove(c);
    }

    @Override
    public void init(jakarta.servlet.ServletConfig config) throws jakarta.servlet.ServletException {
        super.init(config);
        api.init(config);
    }

    @Override
    protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
            throws jakarta.servlet.ServletException, java.io.IOException {
        api.service(req, resp);
    }

    @Override
    public StatsStore store() {
        return stats.store();
    }

    @Override
    public void flush() {
        stats.flushNow();
    }

    @Override
    public Optional<Set<String>> roles(String authorization, String sessionCookie) {
        return callers.roles(authorization, sessionCookie);
    }

    @Override
    public List<Community> communities() {
        return communities.stream().map(CommunityService::community).toList();
    }

    private StatsConfig config() {
        return stats.config();
    }

    @Override
    public double rateEurPerMWh() {
        return config().cer_rate_eur_per_mwh();
    }

    @Override
    public double producerFraction() {
        return config().cer_producer_fraction();
    }

    @Override
    public int openDataK() {
        return config().open_data_k();
    }

    @Override
    public org.microsmartgrid.city.stats.districts.DistrictsStatus districts() {
        return stats.districts();
    }

    @Override
    public Co2 co2() {
        StatsConfig c = config();
        return new Co2(c.co2_baseline_g_per_km(), c.ev_kwh_per_km(), c.grid_g_per_kwh());
    }
}
