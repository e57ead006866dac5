package org.microsmartgrid.status.commissioning;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.status.OsgiFacts;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the installer in the log what the module still lacks, in the documented order, and where the web console
 * is: a module started from an empty configuration directory otherwise says nothing, and its console answers 403
 * until an installer account exists. Logged shortly after start and again whenever the list changes.
 */
@Component(immediate = true)
public final class CommissioningLog {
    private static final Logger LOG = LoggerFactory.getLogger(CommissioningLog.class);
    /** Time for the configured components to come up before the first verdict. */
    static final long FIRST_CHECK_S = 10;
    static final long CHECK_EVERY_S = 30;

    @Reference
    private ServiceComponentRuntime scr;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Meter> meters = List.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Relay> relays = List.of();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ControlLoopStatus loop;

    private ScheduledExecutorService timer;
    private String console;
    private List<Commissioning.Missing> lastLogged;

    @Activate
    void activate(BundleContext context) {
        String host = context.getProperty("org.apache.felix.http.host");
        String port = context.getProperty("org.osgi.service.http.port");
        console = "http://" + (host == null || host.isBlank() || host.equals("0.0.0.0") ? "localhost" : host) + ":"
                + (port == null ? "8080" : port) + "/system/console";
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msg-commissioning-log");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, FIRST_CHECK_S, CHECK_EVERY_S, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private void check() {
        try {
            List<Commissioning.Missing> missing = Commissioning.missing(
                    Commissioning.active(OsgiFacts.components(scr)), relays.size(), Commissioning.gridMeters(meters),
                    loop != null);
            if (missing.equals(lastLogged)) return;
            lastLogged = missing;
            if (missing.isEmpty()) {
                LOG.info("Module commissioned / modulo messo in servizio (web console {})", console);
                return;
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < missing.size(); i++)
                text.append("\n  ").append(i + 1).append(". ").append(missing.get(i).what());
            LOG.warn("Module NOT commissioned / modulo NON messo in servizio; still missing, in order (docs/configuration.md):{}"
                    + "\n  Web console: {} (closed until an installer account exists: docs/console.md)", text, console);
        } catch (RuntimeException e) {
            LOG.debug("commissioning check failed", e);
        }
    }
}
