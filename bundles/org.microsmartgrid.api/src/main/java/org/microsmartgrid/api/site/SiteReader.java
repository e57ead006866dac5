package org.microsmartgrid.api.site;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.PowerCap;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayState;

/**
 * How a reader gets the site: the loop's view of its last cycle ({@link LiveSite}) while it is recent, else the
 * services read at the reader's own instant (no loop: a module being commissioned; a loop that stopped cycling:
 * its last view would show a past as now). A service that is absent or throws contributes nothing.
 */
public final class SiteReader {

    /** A view older than this is not "now" any more: four missed cycles of the slowest loop (1 s) and then some. */
    public static final Duration MAX_AGE = Duration.ofSeconds(5);

    private SiteReader() {
    }

    /** The site now, for a reader that has these services (any may be null). */
    public static SiteView current(LiveSite live, Instant now, Collection<Meter> meters, Collection<Relay> relays,
                                   ControlLoopStatus loop, ChargingSessions sessions, SiteControl control) {
        Optional<SiteView> last = Optional.empty();
        if (live != null) {
            try {
                last = live.current();
            } catch (RuntimeException e) {
                // the loop is going away: read the services
            }
        }
        return last.filter(v -> !v.at().isBefore(now.minus(MAX_AGE)))
                .orElseGet(() -> read(now, meters, relays, loop, sessions, control));
    }

    /**
     * A meter's reading; one that throws (its bundle stopping) or gives nothing reads as FAILED with why, so that a
     * reader shows it as broken rather than leaving it out.
     */
    public static MeterReading reading(Meter m, Instant now) {
        String why;
        try {
            MeterReading r = m.reading();
            if (r != null) return r;
            why = "no reading";
        } catch (RuntimeException e) {
            why = "meter service unavailable: " + e.getClass().getSimpleName();
        }
        String id = null;
        MeterRole role = null;
        int socket = 0;
        try {
            id = m.id();
            role = m.role();
            socket = m.socket();
        } catch (RuntimeException e) {
            // keep what we have
        }
        return new MeterReading(id, role, socket, Quality.FAILED, now, Map.of(), why);
    }

    /** The sockets the site has: those with a relay or a socket meter. */
    public static java.util.SortedSet<Integer> sockets(List<MeterReading> readings, List<RelayState> states) {
        java.util.SortedSet<Integer> sockets = new java.util.TreeSet<>();
        for (RelayState s : states) if (s.socket() > 0) sockets.add(s.socket());
        for (MeterReading r : readings) if (r.role() == MeterRole.SOCKET && r.socket() > 0) sockets.add(r.socket());
        return sockets;
    }

    /** The services read now. */
    public static SiteView read(Instant now, Collection<Meter> meters, Collection<Relay> relays, ControlLoopStatus loop,
                                ChargingSessions sessions, SiteControl control) {
        List<MeterReading> readings = new ArrayList<>();
        if (meters != null) for (Meter m : meters) readings.add(reading(m, now));
        List<RelayState> states = new ArrayList<>();
        if (relays != null) for (Relay r : relays) {
            try {
                RelayState s = r.state();
                if (s != null) states.add(s);
            } catch (RuntimeException e) {
                // left out: its socket shows as UNKNOWN
            }
        }
        Optional<LoopDecision> decision = Optional.empty();
        if (loop != null) {
            try {
                decision = loop.lastDecision();
            } catch (RuntimeException e) {
                // no decision
            }
        }
        Map<Integer, ChargingSession> open = new HashMap<>();
        Map<Integer, String> disabled = Map.of();
        Optional<PowerCap> cap = Optional.empty();
        try {
            if (sessions != null) for (int n : sockets(readings, states))
                sessions.active(n).ifPresent(x -> open.put(x.socket(), x));
            if (control != null) {
                disabled = control.disabledSockets();
                cap = control.powerCap();
            }
        } catch (RuntimeException e) {
            // the service went away mid-read
        }
        return new SiteView(now, readings, states, decision, open, disabled, cap);
    }
}
