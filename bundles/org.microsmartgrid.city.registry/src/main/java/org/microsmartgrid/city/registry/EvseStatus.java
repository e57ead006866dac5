package org.microsmartgrid.city.registry;

/** OCPI 2.2.1 EVSE statuses (the module reports AVAILABLE, CHARGING, INOPERATIVE, OUTOFORDER, UNKNOWN). */
public enum EvseStatus {
    AVAILABLE, BLOCKED, CHARGING, INOPERATIVE, OUTOFORDER, PLANNED, REMOVED, RESERVED, UNKNOWN;

    /** The status named by a module, or UNKNOWN for anything OCPI does not list. */
    public static EvseStatus parse(String s) {
        if (s == null) return UNKNOWN;
        try {
            return valueOf(s);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
