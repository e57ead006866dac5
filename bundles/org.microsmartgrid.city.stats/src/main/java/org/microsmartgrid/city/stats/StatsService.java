package org.microsmartgrid.city.stats;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.microsmartgrid.city.api.observe.SearchObserver;
import org.microsmartgrid.city.ingest.Telemetry;
import org.microsmartgrid.city.ingest.TelemetryObserver;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.stats.availability.AvailabilityAggregator;
import org.microsmartgrid.city.stats.availability.SocketTimeline;
import org.microsmartgrid.city.stats.districts.DistrictsLoader;
import org.microsmartgrid.city.stats.districts.DistrictsStatus;
import org.microsmartgrid.city.stats.energy.CounterHours;
import org.microsmartgrid.city.stats.energy.EnergyAggregator;
import org.microsmartgrid.city.stats.sessions.SessionAggregator;
import org.microsmartgrid.city.stats.store.StatsMigrations;
import org.microsmartgrid.city.stats.store.StatsStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistics as a service: migrates its tables in the city's database, observes the ingest's stream
 * ({@link TelemetryObserver}) and stores the hourly aggregates every {@code flush.seconds}, and at stop.
 */
@Component(configurationPid = StatsConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {TelemetryObserver.class, SearchObserver.class, StatsService.class})
@Designate(ocd = StatsConfig.class)
public final class StatsService implements TelemetryObserver, SearchObserver {

    private static final Logger LOG = LoggerFactory.getLogger(StatsService.class);

    @Reference(target = "(msg.database=city)")
    private DataSource db;

    @Reference
    private Registry registry;

    private StatsStore store;
    private volatile StatsCollector collector;
    private volatile StatsConfig config;
    private ScheduledExecutorService flusher;
    /** Kept across configuration changes: a refused districts file leaves the previous districts on. */
    private final DistrictsLoader districts = new DistrictsLoader();

    @Activate
    void activate(StatsConfig c) {
        int ran = StatsMigrations.migrate(db);
        store = new StatsStore(db);
        start(c);
        LOG.info("city statistics on ({} migration(s) applied now), stored every {} s", ran, c.flush_seconds());
    }

    /**
     * A changed configuration: what arrived is stored with the old one, then the aggregators start again with the
     * new one (as a restart would), except the districts, which a bad file does not take away.
     */
    @Modified
    void modified(StatsConfig c) throws InterruptedException {
        stop();
        start(c);
        LOG.info("city statistics reconfigured, stored every {} s", c.flush_seconds());
    }

    private synchronized void start(StatsConfig c) {
        config = c;
        warnRawBits(c);
        DistrictsStatus d = districts.load(c.districts_file(), c.district_name_property());
        if (d.error() != null)
            LOG.error("{}; districts in use: {}", d.error(), d.districts().isEmpty() ? "none" : d.districts());
        else if (!d.file().isEmpty()) LOG.info("districts from {}: {}", d.file(), d.districts());
        collector = new StatsCollector(
                new EnergyAggregator(new CounterHours(c.max_gap_minutes() * 60_000L, c.max_power_kw() * 1000),
                        c.future_tolerance_seconds() * 1000L),
                new SessionAggregator(c.cell_degrees(), districts),
                new AvailabilityAggregator(new SocketTimeline(c.max_gap_minutes() * 60_000L)),
                new org.microsmartgrid.city.stats.sessions.UnmetDemand(c.cell_degrees(), c.walk_metres(), districts),
                registry, store, districts);
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msg-city-stats");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flush, c.flush_seconds(), c.flush_seconds(), TimeUnit.SECONDS);
    }

    /**
     * A double typed without a decimal point in a FileInstall .config file ({@code D"120"}) is read as raw IEEE bits:
     * a subnormal number no one means. Said loudly, with what was probably meant (docs/configuration.md).
     */
    private static void warnRawBits(StatsConfig c) {
        java.util.Map<String, Double> doubles = new java.util.LinkedHashMap<>();
        doubles.put("max.power.kw", c.max_power_kw());
        doubles.put("cell.degrees", c.cell_degrees());
        doubles.put("walk.metres", c.walk_metres());
        doubles.put("cer.rate.eur.per.mwh", c.cer_rate_eur_per_mwh());
        doubles.put("cer.producer.fraction", c.cer_producer_fraction());
        doubles.put("co2.baseline.g.per.km", c.co2_baseline_g_per_km());
        doubles.put("ev.kwh.per.km", c.ev_kwh_per_km());
        doubles.put("grid.g.per.kwh", c.grid_g_per_kwh());
        doubles.forEach((name, v) -> {
            if (v != 0 && Math.abs(v) < Double.MIN_NORMAL) {
                long bits = Double.doubleToRawLongBits(v);
                LOG.error("{} = {} looks like D\"{}\" written without a decimal point (read as raw bits): write "
                        + "{}=D\"{}.0\" / valore double senza punto decimale", name, v, bits, name, bits);
            }
        });
    }

    private synchronized void flush() {
        try {
            collector.flush();
        } catch (RuntimeException e) {
            LOG.warn("statistics not stored, those hours stay incomplete: {}", e.getMessage());
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stop();
    }

    private void stop() throws InterruptedException {
        flusher.shutdown();
        flusher.awaitTermination(10, TimeUnit.SECONDS);
        flush();
    }

    @Override
    public void observed(Telemetry message) {
        collector.observed(message);
    }

    @Override
    public void searched(double latitude, double longitude, double nearestFreeMetres, long at) {
        collector.searched(latitude, longitude, nearestFreeMetres, at);
    }

    /** Stores what arrived now (the API calls it before answering, so an answer includes what was just received). */
    public void flushNow() {
        flush();
    }

    /** The districts in use and the last refused file, if any. */
    public DistrictsStatus districts() {
        return districts.status();
    }

    public StatsStore store() {
        return store;
    }

    public StatsConfig config() {
        return config;
    }
}
