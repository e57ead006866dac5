package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state handed to the next cycle: turn starts and waiting times (for rotation) and the expected draw of each
 * socket (the peak of its last turn, so a socket switched back on is expected to draw what it drew before).
 */
final class Memories {

    private Memories() {
    }

    static BalancerState next(SiteSnapshot snap, List<SocketWork> sockets) {
        Instant now = snap.now();
        Map<Integer, SocketMemory> next = new HashMap<>();
        for (SocketWork w : sockets) {
            SocketMemory m = w.memory;
            boolean measured = w.closed && !Double.isNaN(w.measuredW);
            double expected = !measured ? m.expectedDrawW()
                    : m.measuredThisTurn() ? Math.max(m.expectedDrawW(), w.measuredW) : w.measuredW;
            if (w.on) {
                next.put(w.socket(), new SocketMemory(w.closed ? w.turnStart : now, null, expected,
                        w.closed && (measured || m.measuredThisTurn()), w.closed ? w.queuedBehind : w.startsQueuedBehind));
            } else {
                // switched off now: the draw the grid reading shows and the decision counted on removing (none when
                // the reading predates its switching on); off before: kept while the reading may still predate the
                // switch (see SocketWork#releasingW)
                double released = w.closed ? (w.pending ? 0 : w.reliefW) : w.releasingW;
                if (w.hasSession())
                    next.put(w.socket(), new SocketMemory(null, w.closed ? now : w.waitingSince, expected, false, null,
                            released));
                else if (released > 0)
                    next.put(w.socket(), new SocketMemory(null, null, Double.NaN, false, null, released));
                // otherwise off without a session: forgotten, so the next vehicle is expected to draw its rating
            }
        }
        return new BalancerState(next);
    }
}
