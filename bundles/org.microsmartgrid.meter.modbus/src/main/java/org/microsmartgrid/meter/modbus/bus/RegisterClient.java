package org.microsmartgrid.meter.modbus.bus;

import org.microsmartgrid.meter.modbus.config.BusSettings;

/** The bus's connection: a {@link RegisterReader} that can take new timeouts and be closed. */
public interface RegisterClient extends RegisterReader, AutoCloseable {
    /** Applies timeout and retries of changed settings of the same connection. */
    void configure(BusSettings settings);

    @Override
    void close();
}
