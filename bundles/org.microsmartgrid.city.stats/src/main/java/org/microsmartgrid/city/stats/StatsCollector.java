package org.microsmartgrid.city.stats;

import java.util.List;
import java.util.Optional;

import org.microsmartgrid.city.ingest.Telemetry;
import org.microsmartgrid.city.ingest.TelemetryObserver;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.stats.energy.CounterSample;
import org.microsmartgrid.city.stats.energy.EnergyAggregator;
import org.microsmartgrid.city.stats.sessions.SessionAggregator;
import org.microsmartgrid.city.stats.sessions.SessionHour;
import org.microsmartgrid.city.stats.store.StatsStore;

/**
 * Feeds the hourly aggregates from the ingest's stream (each accepted message once, after its commit) and stores
 * them every flush: hours are computed as data arrives, never by rescanning history. What was not flushed when the
 * runtime dies is lost as a whole with the counter position it came from, so the hours it touched stay incomplete
 * (shown as missing), never wrong.
 */
public final class StatsCollector implements TelemetryObserver {

    private final EnergyAggregator energy;
    private final SessionAggregator sessions;
    private final Registry registry;
    private final StatsStore store;

    public StatsCollector(EnergyAggregator energy, SessionAggregator sessions, Registry registry, StatsStore store) {
        this.energy = energy;
        this.sessions = sessions;
        this.registry = registry;
        this.store = store;
    }

    @Override
    public synchronized void observed(Telemetry t) {
        String module = t.account() + "/" + t.clientId();
        switch (t.resource()) {
            case "site" -> {
                if (!(t.metrics().get("grid_import_wh") instanceof Double imp)
                        || !(t.metrics().get("grid_export_wh") instanceof Double exp)) return; // an older module
                if (!energy.knows(module)) store.last(module).ifPresent(l -> energy.resume(module, l));
                energy.add(module, new CounterSample(t.capturedAt(), imp, exp), t.receivedAt());
            }
            case "sessions" -> {
                // the CLOSED record, the first time the registry sees it; a repeat is not newest
                if (!t.newest() || !"CLOSED".equals(t.metrics().get("state"))) return;
                if (!(t.metrics().get("ended") instanceof Long ended)) return;
                double wh = t.metrics().get("energy_wh") instanceof Double d ? d : 0;
                double solar = t.metrics().get("solar_wh") instanceof Double d ? d : 0;
                Optional<Location> at = registry.locationOfModule(t.account(), t.clientId());
                at.ifPresent(l -> sessions.closed(l, ended, wh, solar));
            }
            default -> {
                // availability shares per point and hour: a TODO (docs/statistics.md)
            }
        }
    }

    /** Stores what arrived since the last flush (one transaction); on failure it is lost, hours stay incomplete. */
    public void flush() {
        EnergyAggregator.Pending e;
        List<SessionHour> s;
        synchronized (this) {
            e = energy.drain();
            s = sessions.drain();
        }
        if (e.hours().isEmpty() && e.lasts().isEmpty() && e.bad().isEmpty() && s.isEmpty()) return;
        store.add(e, s);
    }
}
