package org.microsmartgrid.api.control;

/** Which power a session may use in this cycle, after its mode, the tariff and its deadline are considered. */
public enum PowerSource {
    /** Grid headroom (and any surplus): NOW, cheap bands, deadline fallback. */
    GRID,
    /** Solar surplus only (and, for a session already running in an expensive band, the battery). */
    SURPLUS,
    /** Nothing: no session. */
    NONE
}
