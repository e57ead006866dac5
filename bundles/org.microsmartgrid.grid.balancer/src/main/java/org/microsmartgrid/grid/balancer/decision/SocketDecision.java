package org.microsmartgrid.grid.balancer.decision;

import org.microsmartgrid.api.control.PowerSource;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SessionMode;
import org.microsmartgrid.api.control.SocketReason;

/**
 * The decision for one socket.
 *
 * @param socket   socket number
 * @param on       the relay state wanted
 * @param reason   why (the code)
 * @param text     why, for people
 * @param change   whether this switches the relay (on differs from its current state)
 * @param source   what the session may use this cycle
 * @param drawW    the power the decision counted for it: the measured draw when on, the expected draw when off
 * @param priority its class
 * @param mode     its session's mode
 */
public record SocketDecision(int socket, boolean on, SocketReason reason, String text, boolean change, PowerSource source,
                             double drawW, PriorityClass priority, SessionMode mode) {

    /** A safety OFF: sent as such, honoured at once even inside the minimum on-time. */
    public boolean safety() {
        return reason.safety();
    }
}
