package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which sockets are served, and its reverse, in which they are shed.
 *
 * <p>Served first: sockets held on by their minimum on-time (they cannot be switched off anyway), then sockets an
 * installer holds ON (the installer on site asked for them, within the limit), then sessions
 * before sockets without one, then by priority class. Within a class sessions take turns: a running socket keeps
 * its slot until its turn (the rotation period) is over; then comes the queue of waiting sockets, longest waiting
 * first; sockets whose turn is over come last, so a waiting socket takes their place when there is not enough for all.
 *
 * <p>A <em>borrowed</em> turn — started in a gap too small for the sockets queued before it, typically one whose
 * draw is unknown and whose rating is larger than the gap — stands in the queue right behind the sockets it
 * overtook, so they take its power back as soon as they can use it, and ahead of everyone else, so that sockets
 * fitting the same gap do not swap places every minimum off-time. Without it, sockets with a small known draw would
 * jump the queue for ever and the larger one would starve.
 *
 * <p>Shedding runs the other way: sockets without a session, the lowest class, the longest-running turn first.
 */
final class TurnOrder {

    private TurnOrder() {
    }

    static List<SocketWork> serveOrder(List<SocketWork> sockets, Instant now, Settings settings) {
        return sockets.stream()
                .sorted(Comparator.comparing((SocketWork w) -> !w.lockedOn).thenComparing(w -> !w.heldOn)
                        .thenComparing(byClassAndTurn(now, settings)))
                .toList();
    }

    static List<SocketWork> shedOrder(List<SocketWork> closed, Instant now, Settings settings) {
        return closed.stream().sorted(byClassAndTurn(now, settings).reversed()).toList();
    }

    private static Comparator<SocketWork> byClassAndTurn(Instant now, Settings settings) {
        return Comparator.comparing((SocketWork w) -> !w.hasSession())
                .thenComparing(SocketWork::priority)
                .thenComparingInt(w -> rank(w, now, settings))
                .thenComparing((a, b) -> withinRank(a, b, rank(a, now, settings)))
                .thenComparingInt(SocketWork::socket);
    }

    /** 0: on, own turn running; 1: the queue (waiting, or on in a borrowed turn); 2: on, turn over. */
    private static int rank(SocketWork w, Instant now, Settings settings) {
        if (!w.closed) return 1;
        if (!now.isBefore(w.turnStart.plus(settings.rotationPeriod()))) return 2;
        return w.queuedBehind != null ? 1 : 0;
    }

    private static int withinRank(SocketWork a, SocketWork b, int rank) {
        return switch (rank) {
            case 0 -> a.turnStart.compareTo(b.turnStart);
            case 1 -> {
                int byTime = queueTime(a).compareTo(queueTime(b));
                yield byTime != 0 ? byTime : Boolean.compare(a.closed, b.closed); // the overtaken waiter goes first
            }
            default -> b.turnStart.compareTo(a.turnStart); // the longest-running turn goes to the back
        };
    }

    /** Where a socket stands in the queue. */
    private static Instant queueTime(SocketWork w) {
        return w.closed ? w.queuedBehind : w.waitingSince;
    }
}
