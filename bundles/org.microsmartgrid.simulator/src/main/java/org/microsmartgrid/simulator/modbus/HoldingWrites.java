package org.microsmartgrid.simulator.modbus;

/** Where writes to a device's holding registers go (a device with controls); every other register is read-only. */
public interface HoldingWrites {
    boolean writable(int address);

    void write(int address, int word);
}
