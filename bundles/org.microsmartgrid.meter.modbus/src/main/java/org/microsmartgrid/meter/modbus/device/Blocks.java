package org.microsmartgrid.meter.modbus.device;

import java.util.List;

import org.microsmartgrid.meter.modbus.bus.ReadFailure;
import org.microsmartgrid.meter.modbus.bus.RegisterReader;
import org.microsmartgrid.meter.modbus.poll.TimeSource;
import org.microsmartgrid.meter.modbus.registers.RegisterSnapshot;
import org.microsmartgrid.meter.modbus.registers.Span;

/** Runs the requests of a poll and keeps each reply with its arrival time. */
public final class Blocks {
    private Blocks() {
    }

    public static RegisterSnapshot read(RegisterReader reader, int unitId, List<Span> requests, TimeSource time)
            throws ReadFailure {
        RegisterSnapshot snapshot = new RegisterSnapshot();
        for (Span s : requests) {
            int[] words = reader.read(unitId, s.table(), s.start(), s.count());
            snapshot.add(s, words, time.now());
        }
        return snapshot;
    }
}
