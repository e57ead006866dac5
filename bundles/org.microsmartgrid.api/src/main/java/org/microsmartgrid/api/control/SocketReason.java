package org.microsmartgrid.api.control;

/** Why a socket is on or off after a decision. Shown on the status page; SAFETY reasons override minimum times. */
public enum SocketReason {
    // --- on
    CHARGING_NOW(true, false),
    CHARGING_SURPLUS(true, false),
    /** A solar session kept running on the battery while the surplus dips, in an expensive band. */
    CHARGING_BATTERY(true, false),
    CHARGING_CHEAP(true, false),
    /** A solar + cheap session that would miss its deadline otherwise: it now charges like NOW. */
    CHARGING_DEADLINE(true, false),
    /** Would be off, but was switched on less than the minimum on-time ago. */
    HELD_MIN_ON(true, false),
    /** Safe state, but the socket's own meter proves it idle, so it may stay on. */
    SAFE_STATE_IDLE(true, false),
    /** Balancing paused by an installer (commissioning): on, left as it is; not renewed by the loop. */
    PAUSED_ON(true, false),
    /** Held ON by an installer (SocketHolds): on because the grid limit and every safety rule allow it. */
    MANUAL_HOLD_ON(true, false),

    // --- off, waiting
    NO_SESSION(false, false),
    WAITING_SURPLUS(false, false),
    WAITING_CHEAP(false, false),
    WAITING_HEADROOM(false, false),
    WAITING_ROTATION(false, false),
    WAITING_PRIORITY(false, false),
    /** The limit was exceeded in this cycle: nothing is switched on until a fresh reading confirms the headroom. */
    WAITING_AFTER_SHED(false, false),
    /** Would be on, but was switched off less than the minimum off-time ago. */
    HELD_MIN_OFF(false, false),
    /** Balancing paused by an installer (commissioning): off, left as it is. */
    PAUSED_OFF(false, false),
    /** Kept for a reservation's holder (docs/reservations.md): off for any other session or walk-up plug. */
    RESERVED(false, false),

    // --- off, safety
    SHED_GRID_LIMIT(false, true),
    SAFE_STATE_GRID(false, true),
    SOCKET_METER_LOST(false, true),
    /**
     * A socket without its own meter in a solar mode: the module cannot tell what it draws, so it could take power
     * from the grid while shown as charging on solar surplus. Without a meter a socket may only charge NOW, counted
     * at its rating.
     */
    NO_SOCKET_METER(false, true),
    RELAY_FAULT(false, true),
    /** Disabled by a person or a building system (SiteControl): off at once, until enabled again. */
    DISABLED(false, true),
    /** Held OFF by an installer (SocketHolds): off at once, like a disabled socket, until the hold ends. */
    MANUAL_HOLD_OFF(false, true);

    private final boolean on;
    private final boolean safety;

    SocketReason(boolean on, boolean safety) {
        this.on = on;
        this.safety = safety;
    }

    public boolean on() {
        return on;
    }

    /** A safety OFF: sent as {@code RelayCommand.safetyOff}, honoured even inside the minimum on-time. */
    public boolean safety() {
        return safety;
    }
}
