package org.microsmartgrid.meter.modbus.poll;

import org.microsmartgrid.meter.modbus.bus.RegisterReader;

/** Something a bus polls on its thread: one meter. */
public interface PolledDevice {
    /** Interval of the task of this kind, in ms; may change while attached. */
    long intervalMillis(PollKind kind);

    /**
     * Whether the task of this kind has strict priority on the bus (see {@link PollSchedule}): true only for what the
     * balancing loop cannot do without, the grid meter's power.
     */
    default boolean urgent(PollKind kind) {
        return false;
    }

    /**
     * Runs one poll on the bus thread. Must not throw for device errors (it records them itself).
     *
     * @return the device's consecutive failed polls after this one (0 after a success), which drives the back-off
     */
    int poll(PollKind kind, RegisterReader reader);

    /** For logs. */
    String describe();

    /** Short name for the bus report on /status, e.g. the meter id. */
    default String name() {
        return describe();
    }
}
