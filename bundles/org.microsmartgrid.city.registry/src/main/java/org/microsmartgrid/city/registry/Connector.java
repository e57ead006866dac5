package org.microsmartgrid.city.registry;

/**
 * One connector of an EVSE, in OCPI 2.2.1 terms.
 *
 * @param id          1-based within its EVSE
 * @param standard    OCPI ConnectorType, e.g. DOMESTIC_F (Schuko), DOMESTIC_L (Italian), IEC_62196_T2
 * @param format      SOCKET or CABLE
 * @param powerType   AC_1_PHASE, AC_3_PHASE or DC
 * @param maxVoltage  V
 * @param maxAmperage A
 * @param maxPowerW   W
 */
public record Connector(int id, String standard, String format, String powerType, int maxVoltage, int maxAmperage,
                        int maxPowerW) {

    /** What a module's socket is unless told otherwise: a Schuko socket, 16 A at 230 V (DESIGN.md §4). */
    public static Connector schuko() {
        return new Connector(1, "DOMESTIC_F", "SOCKET", "AC_1_PHASE", 230, 16, 3680);
    }
}
