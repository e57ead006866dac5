package org.microsmartgrid.meter.modbus.bus;

import org.microsmartgrid.meter.modbus.poll.PolledDevice;

/**
 * Internal service of this bundle (its package is not exported): a running Modbus bus that meters attach to.
 * Registered by each ModbusBus component with the service property {@code bus.id}; a ModbusMeter selects its bus
 * with the reference target {@code bus.target = (bus.id=<id>)}.
 */
public interface ModbusBusService {
    String busId();

    /** For logs, e.g. "rs485 (RTU /dev/ttyUSB0 9600 8N1)". */
    String describe();

    /** Starts polling the device: both tasks are due at once; the slow one is then shifted once, to spread them. */
    void attach(PolledDevice device);

    /** Stops polling the device; when this returns, no poll of it is running or will run. */
    void detach(PolledDevice device);

    /** The device's intervals changed: a shortened interval takes effect now, not after the old one ran out. */
    void intervalsChanged(PolledDevice device);

    /**
     * Queues a one-off request (a write) for the bus thread. Jobs and due polls take turns, so a stream of writes
     * cannot starve the meters' polling, and a write waits at most one poll.
     */
    void submit(BusJob job);
}
