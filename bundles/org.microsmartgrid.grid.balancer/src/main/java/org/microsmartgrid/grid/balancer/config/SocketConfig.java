package org.microsmartgrid.grid.balancer.config;

import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.grid.balancer.decision.SocketSnapshot;

/** What the installer configured for one socket. */
public record SocketConfig(int socket, PriorityClass priority, DefaultMode mode, double ratingW) {

    /** A socket nobody configured: a public Schuko socket, on when there is headroom. */
    public static SocketConfig unlisted(int socket) {
        return new SocketConfig(socket, PriorityClass.PUBLIC, DefaultMode.NOW, SocketSnapshot.SCHUKO_W);
    }
}
