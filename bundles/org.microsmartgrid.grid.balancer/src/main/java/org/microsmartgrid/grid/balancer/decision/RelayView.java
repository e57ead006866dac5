package org.microsmartgrid.grid.balancer.decision;

import java.time.Instant;

/**
 * A socket's relay as the balancer sees it.
 *
 * @param closed whether the contactor is closed (feedback contact when wired, output otherwise)
 * @param since  when it last changed state: the minimum on/off times count from here
 * @param fault  null when healthy; otherwise why it cannot be trusted (also: no relay serves the socket)
 */
public record RelayView(boolean closed, Instant since, String fault) {

    public RelayView {
        if (since == null) throw new IllegalArgumentException("a relay view needs the time of its last change");
    }

    public static RelayView open(Instant since) {
        return new RelayView(false, since, null);
    }

    public static RelayView closed(Instant since) {
        return new RelayView(true, since, null);
    }

    public static RelayView missing(Instant now, String why) {
        return new RelayView(false, now, why);
    }

    public boolean faulted() {
        return fault != null;
    }
}
