package org.microsmartgrid.telemetry;

import org.microsmartgrid.api.site.SiteView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.SocketAllocation;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;

/**
 * Whether the module knows a socket's status yet, in its first moments. At start the relays bind one by one, the
 * loop's first decisions come before the meters' first answers, and the loop then (rightly, for safety) keeps a
 * socket off as SOCKET_METER_LOST, or the whole site in the safe state, until the meters answer: published as is, a
 * healthy socket went UNKNOWN → OUTOFORDER → AVAILABLE within a second of every start, and the city's map turned red.
 * A status is known once the socket has a relay and a decision of the loop, and is not a verdict on a meter that has
 * not answered once since start; after the grace the module says what it sees, whatever it is.
 */
final class StartupKnowledge {
    /** A meter that has not answered within this since start is reported as what it is: lost. */
    static final Duration START_GRACE = Duration.ofSeconds(30);

    private final Instant startedAt;
    private final Duration grace;
    private final Set<String> answered = new HashSet<>();

    StartupKnowledge(Instant startedAt, Duration grace) {
        this.startedAt = startedAt;
        this.grace = grace;
    }

    /** Notes the meters that answered (a GOOD reading) in this view. */
    void see(SiteView v) {
        for (MeterReading r : v.meters()) if (r.isGood()) answered.add(r.meterId());
    }

    boolean knows(SiteView v, int socket, SocketStatus status) {
        if (!v.at().isBefore(startedAt.plus(grace))) return true;
        if (status == SocketStatus.UNKNOWN) return false; // its relay is not there yet
        Optional<SocketAllocation> a = v.decision().flatMap(d -> d.sockets().stream().filter(s -> s.socket() == socket).findFirst());
        if (a.isEmpty()) return false; // the loop has not decided on it yet
        if (a.get().reason() == SocketReason.SOCKET_METER_LOST && !answeredOnce(v, MeterRole.SOCKET, socket)) return false;
        boolean safe = v.decision().map(LoopDecision::safeState).orElse(false);
        return !(safe && status == SocketStatus.INOPERATIVE && !answeredOnce(v, MeterRole.GRID, 0));
    }

    /** Whether the meter(s) of that role (and socket) answered at least once since start. */
    private boolean answeredOnce(SiteView v, MeterRole role, int socket) {
        return v.meters().stream().filter(r -> r.role() == role && (role != MeterRole.SOCKET || r.socket() == socket))
                .anyMatch(r -> answered.contains(r.meterId()));
    }
}
