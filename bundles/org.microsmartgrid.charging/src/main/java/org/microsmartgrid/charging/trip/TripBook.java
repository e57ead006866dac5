package org.microsmartgrid.charging.trip;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.charging.session.Change;

/**
 * The shared fleet's trips that are out, and the rule that opens and closes them (docs/reservations.md): a session on
 * a vehicle's home socket that ends UNPLUGGED means the vehicle left, so a trip opens; the next session that starts
 * there is its return, which closes the trip. A session STOPPED by someone leaves the vehicle plugged in: no trip. No
 * I/O, no clock: it reads the session changes the {@code SessionBook} returns. Not thread-safe: the service
 * serializes calls.
 */
public final class TripBook {

    private final Supplier<UUID> ids;
    /** vehicle → its trip that is out */
    private final Map<String, Trip> out = new TreeMap<>();
    /** home socket → vehicle */
    private Map<Integer, String> homes;

    /** @param resumed the trips found out in the database: they stay out until a return closes them */
    public TripBook(Map<Integer, String> homes, Supplier<UUID> ids, Collection<Trip> resumed) {
        this.homes = Map.copyOf(homes);
        this.ids = ids;
        for (Trip t : resumed)
            if (t.out()) out.merge(t.vehicle(), t, (a, b) -> a.left().isAfter(b.left()) ? a : b);
    }

    /** A vehicle that moved home keeps its trip out: only a return at the socket it left from closes it. */
    public void reconfigure(Map<Integer, String> homes) {
        this.homes = Map.copyOf(homes);
    }

    /** @return the trip to store when the change opened or closed one */
    public Optional<Trip> onSession(Change c) {
        ChargingSession s = c.row().session();
        String vehicle = homes.get(s.socket());
        if (vehicle == null) return Optional.empty();
        if (c.kind() == Change.Kind.ENDED && ChargingSessions.UNPLUGGED.equals(s.endReason())) {
            if (out.containsKey(vehicle)) return Optional.empty(); // out already: this session was not its return
            Trip t = new Trip(ids.get(), vehicle, s.socket(), s.ended(), s.id(), null, null);
            out.put(vehicle, t);
            return Optional.of(t);
        }
        if (c.kind() == Change.Kind.STARTED) {
            Trip t = out.get(vehicle);
            if (t == null || t.socket() != s.socket()) return Optional.empty();
            out.remove(vehicle);
            return Optional.of(t.returnedAt(s.started(), s.id()));
        }
        return Optional.empty();
    }

    public List<Trip> out() {
        return List.copyOf(out.values());
    }
}
