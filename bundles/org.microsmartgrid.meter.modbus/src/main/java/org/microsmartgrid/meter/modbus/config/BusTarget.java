package org.microsmartgrid.meter.modbus.config;

/**
 * The DS target filter by which a meter's {@code bus} reference selects its bus service. Bus ids are restricted to
 * [A-Za-z0-9_.-], so they need no LDAP escaping.
 */
public final class BusTarget {
    /** The service property every bus service carries. */
    public static final String PROPERTY = "bus.id";
    /** The meter configuration property DS reads as the target of the reference named "bus". */
    public static final String TARGET_PROPERTY = "bus.target";

    private BusTarget() {
    }

    public static String filterFor(String busId) {
        return "(" + PROPERTY + "=" + busId + ")";
    }
}
