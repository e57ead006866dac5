package org.microsmartgrid.meter.modbus.config;

import java.util.Arrays;

/** How a bus reaches its devices. */
public enum Transport {
    /** Modbus TCP (MBAP framing), e.g. an Ethernet meter or a Modbus TCP gateway. */
    TCP,
    /** Modbus RTU on a local serial port (RS-485 adapter). */
    RTU,
    /** RTU frames tunnelled through a TCP socket, as sent by transparent serial-to-Ethernet converters. */
    RTU_OVER_TCP;

    public boolean overTcp() {
        return this != RTU;
    }

    static Transport parse(String text) {
        try {
            return valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown transport '" + text + "' (expected one of "
                    + Arrays.toString(values()) + ")");
        }
    }
}
