package org.microsmartgrid.meter.modbus.registers;

import java.util.Locale;

/** How the 16-bit words of one value are to be read as a number. */
public enum RegisterType {
    INT16(1), UINT16(1), INT32(2), UINT32(2), FLOAT32(2);

    private final int words;

    RegisterType(int words) {
        this.words = words;
    }

    /** Number of 16-bit registers the value occupies. */
    public int words() {
        return words;
    }

    public static RegisterType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown register type '" + text.trim()
                    + "' (expected INT16, UINT16, INT32, UINT32 or FLOAT32)");
        }
    }
}
