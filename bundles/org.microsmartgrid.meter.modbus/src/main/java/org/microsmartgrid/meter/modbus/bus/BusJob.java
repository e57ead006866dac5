package org.microsmartgrid.meter.modbus.bus;

/** A one-off request run on a bus's thread, between polls (see {@link ModbusBusService#submit}). */
@FunctionalInterface
public interface BusJob {
    /** Runs with the bus's connection; must not throw (report failures its own way). */
    void run(RegisterClient client);
}
