package org.microsmartgrid.meter.modbus.bus;

import org.microsmartgrid.meter.modbus.registers.Table;

/** Reads registers from a device on a bus. Called only on the bus's polling thread. */
public interface RegisterReader {
    /**
     * @return exactly {@code count} unsigned 16-bit words
     * @throws ReadFailure with a message a person can act on when no usable answer came
     */
    int[] read(int unitId, Table table, int address, int count) throws ReadFailure;
}
