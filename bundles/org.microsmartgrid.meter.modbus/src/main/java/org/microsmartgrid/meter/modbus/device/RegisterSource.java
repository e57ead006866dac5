package org.microsmartgrid.meter.modbus.device;

import java.util.List;

import org.microsmartgrid.meter.modbus.bus.ReadFailure;
import org.microsmartgrid.meter.modbus.bus.RegisterReader;
import org.microsmartgrid.meter.modbus.poll.PollKind;

/** Where a meter's channels come from: a fixed register map or a discovered SunSpec layout. */
public interface RegisterSource {
    /** Reads the channels of one poll kind. */
    List<Decoded> read(PollKind kind, RegisterReader reader, int unitId) throws ReadFailure;

    /** The device went FAILED: forget anything learned from it (SunSpec re-discovers when it answers again). */
    default void forget() {
    }
}
