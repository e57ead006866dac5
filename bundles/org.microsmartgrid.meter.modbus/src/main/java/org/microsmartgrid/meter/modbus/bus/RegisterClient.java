package org.microsmartgrid.meter.modbus.bus;

import org.microsmartgrid.meter.modbus.config.BusSettings;

/** The bus's connection: a {@link RegisterReader} that can take new timeouts and be closed. */
public interface RegisterClient extends RegisterReader, AutoCloseable {
    /** Applies timeout and retries of changed settings of the same connection. */
    void configure(BusSettings settings);

    /**
     * Writes holding registers with one "write multiple registers" request (FC16).
     *
     * @throws ReadFailure with a message a person can act on when the device did not confirm the write
     */
    void writeHolding(int unitId, int address, int[] words) throws ReadFailure;

    @Override
    void close();
}
