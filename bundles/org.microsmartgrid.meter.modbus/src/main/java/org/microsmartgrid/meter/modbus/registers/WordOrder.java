package org.microsmartgrid.meter.modbus.registers;

import java.util.Locale;

/**
 * The order of the two registers of a 32-bit value. Bytes inside a register are always big-endian (Modbus);
 * devices disagree only on which register comes first.
 */
public enum WordOrder {
    /** High word first (Eastron, SunSpec, most devices). */
    BIG_ENDIAN,
    /** Low word first ("word swap"). */
    LITTLE_ENDIAN;

    public static WordOrder parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown word order '" + text.trim()
                    + "' (expected BIG_ENDIAN or LITTLE_ENDIAN)");
        }
    }
}
