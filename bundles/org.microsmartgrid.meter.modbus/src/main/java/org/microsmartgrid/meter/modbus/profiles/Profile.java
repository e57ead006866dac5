package org.microsmartgrid.meter.modbus.profiles;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of device a meter can be; each has its register map or discovery. */
public enum Profile {
    /** Eastron SDM630, three-phase. */
    SDM630,
    /** Eastron SDM72D, three-phase, totals only (the SDM72D-M v2 answers the SDM630 map too). */
    SDM72D,
    /** Eastron SDM120, single-phase. */
    SDM120,
    /** Any SunSpec device: the register layout is discovered from the device's model chain. */
    SUNSPEC,
    /** A register map given in configuration ({@code registers}). */
    GENERIC;

    public static Profile parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown profile '" + text + "' (expected one of "
                    + Arrays.toString(values()) + ")");
        }
    }
}
