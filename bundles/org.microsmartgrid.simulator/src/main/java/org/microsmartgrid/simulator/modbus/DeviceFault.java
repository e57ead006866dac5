package org.microsmartgrid.simulator.modbus;

import java.util.Locale;

/** Ways a simulated meter can misbehave, for tests of what the module does when a meter fails. */
public enum DeviceFault {
    /** Healthy: answers with the model's values. */
    NONE,
    /**
     * Does not answer: each request is held until the master has given up (a timeout on its side), the fault is
     * cleared, or the next request to the same unit arrives. Like a meter with a broken RS485 pair behind a gateway.
     */
    SILENT,
    /** Answers every read with Modbus exception 02 (illegal data address): the only exception j2mod's slave emits. */
    EXCEPTION,
    /** Answers nonsense: NaN in every float register (Eastron); SunSpec "not implemented" in every measured point. */
    NAN,
    /** Answers, but its values stop changing: a frozen meter firmware. */
    FROZEN;

    public static DeviceFault parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault '" + text + "' (expected one of NONE, SILENT, EXCEPTION, NAN, FROZEN)");
        }
    }
}
