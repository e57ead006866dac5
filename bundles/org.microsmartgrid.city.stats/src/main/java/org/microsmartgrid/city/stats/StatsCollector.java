package org.microsmartgrid.city.stats;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.microsmartgrid.city.ingest.Telemetry;
import org.microsmartgrid.city.ingest.TelemetryObserver;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.stats.availability.AvailabilityAggregator;
import org.microsmartgrid.city.stats.availability.Bucket;
import org.microsmartgrid.city.stats.districts.Districts;
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
    private final AvailabilityAggregator availability;
    private final org.microsmartgrid.city.stats.sessions.UnmetDemand unmet;
    private final Registry registry;
    private final StatsStore store;
    private final Supplier<Districts> districts;
    /** Each module's point and its district, looked up once (again at its next BIRTH): not a query per socket report. */
    private final java.util.Map<String, Optional<Point>> pointOfModule = new java.util.HashMap<>();

    private record Point(String id, String district) {
    }

    /** @param districts the districts in use (availability counts each point in its district) */
    public StatsCollector(EnergyAggregator energy, SessionAggregator sessions, AvailabilityAggregator availability,
                          org.microsmartgrid.city.stats.sessions.UnmetDemand unmet, Registry registry, StatsStore store,
                          Supplier<Districts> districts) {
        this.districts = districts;
        this.energy = energy;
        this.sessions = sessions;
        this.availability = availability;
        this.unmet = unmet;
        this.registry = registry;
        this.store = store;
    }

    private Optional<Point> point(Telemetry t, String module) {
        return pointOfModule.computeIfAbsent(module, k -> registry.locationOfModule(t.account(), t.clientId())
                .filter(Location::located)
                .map(l -> new Point(l.id(), districts.get().of(l.latitude(), l.longitude()))));
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
            case "events/availability" -> {
                if (t.metrics().get("socket") instanceof Integer n && t.metrics().get("status") instanceof String st)
                    point(t, module).ifPresent(p -> availability.report(module, n, p.id(), p.district(), Bucket.of(st),
                            t.capturedAt()));
            }
            case "MQTT/BIRTH", "MQTT/APPS" -> pointOfModule.remove(module); // it may have a position now
            case "MQTT/DC", "MQTT/LWT" -> availability.offline(module, t.capturedAt());
            default -> {
                if (t.resource().startsWith("sockets/") && t.metrics().get("status") instanceof String st) {
                    int n = Integer.parseInt(t.resource().substring("sockets/".length()));
                    point(t, module).ifPresent(p -> availability.report(module, n, p.id(), p.district(), Bucket.of(st),
                            t.capturedAt()));
                }
            }
        }
    }

    /** A map search's first page was answered (city.api's SearchObserver). */
    public synchronized void searched(double lat, double lon, double nearestFreeMetres, long at) {
        unmet.searched(lat, lon, nearestFreeMetres, at);
    }

    /** Stores what arrived since the last flush (one transaction); on failure it is lost, hours stay incomplete. */
    public void flush() {
        EnergyAggregator.Pending e;
        List<SessionHour> s;
        List<AvailabilityAggregator.Hour> a;
        List<org.microsmartgrid.city.stats.sessions.UnmetDemand.Cell> u;
        synchronized (this) {
            e = energy.drain();
            s = sessions.drain();
            a = availability.drain();
            u = unmet.drain();
        }
        if (e.hours().isEmpty() && e.lasts().isEmpty() && e.bad().isEmpty() && s.isEmpty() && a.isEmpty()
                && u.isEmpty()) return;
        store.add(e, s, a, u);
    }
}
