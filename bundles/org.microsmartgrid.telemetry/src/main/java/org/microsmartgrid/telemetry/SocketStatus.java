package org.microsmartgrid.telemetry;

import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.api.control.SocketAllocation;
import org.microsmartgrid.api.relay.RelayState;

/**
 * A socket's availability as drivers see it, with OCPI 2.2.1's status names (the city's map uses them).
 */
public enum SocketStatus {
    /** Free: a driver may plug in. */
    AVAILABLE,
    /** A session is open on it (charging or waiting for its turn). */
    CHARGING,
    /** Kept for a reservation's holder (docs/reservations.md): not free for anyone else. */
    RESERVED,
    /** Switched off on purpose for now: disabled by a person or building system, or the module is in safe state. */
    INOPERATIVE,
    /** Broken: relay fault, or its meter is lost. */
    OUTOFORDER,
    /** The module does not know (no relay for it). */
    UNKNOWN;

    /**
     * @param relay      its relay's state, or null when none serves it
     * @param allocation the loop's last word on it, or null
     * @param session    whether a session is open on it
     * @param disabled   whether it was disabled through SiteControl
     * @param safeState  whether the loop is in the safe state
     */
    public static SocketStatus of(RelayState relay, SocketAllocation allocation, boolean session, boolean disabled,
                                  boolean safeState) {
        if (relay == null) return UNKNOWN;
        if (relay.fault() != null) return OUTOFORDER;
        if (allocation != null && (allocation.reason() == SocketReason.RELAY_FAULT
                || allocation.reason() == SocketReason.SOCKET_METER_LOST)) return OUTOFORDER;
        if (disabled) return INOPERATIVE;
        if (safeState) return INOPERATIVE;
        // kept for someone else: a walk-up plug's session on it does not make it "charging"
        if (allocation != null && allocation.reason() == SocketReason.RESERVED) return RESERVED;
        return session ? CHARGING : AVAILABLE;
    }
}
