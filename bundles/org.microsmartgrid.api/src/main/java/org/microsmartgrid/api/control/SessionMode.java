package org.microsmartgrid.api.control;

/** What a charging session asked for. */
public enum SessionMode {
    /** No session: the socket stays off. */
    NONE,
    /** Only solar surplus (power the site would otherwise export). */
    SOLAR_ONLY,
    /** Solar surplus, plus the grid in cheap bands; falls back to NOW when the energy wanted by the deadline no longer fits. */
    SOLAR_AND_CHEAP,
    /** As soon as there is grid headroom. */
    NOW
}
