package org.microsmartgrid.meter.modbus.config;

/** Serial parity of an RTU bus. */
public enum Parity {
    NONE, EVEN, ODD;

    static Parity parse(String text) {
        try {
            return valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown parity '" + text + "' (expected NONE, EVEN or ODD)");
        }
    }
}
