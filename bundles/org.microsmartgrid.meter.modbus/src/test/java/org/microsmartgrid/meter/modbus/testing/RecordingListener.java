package org.microsmartgrid.meter.modbus.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.microsmartgrid.api.meter.MeterListener;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.Quality;

/** Remembers every reading it is told of. */
public final class RecordingListener implements MeterListener {
    public final List<MeterReading> readings = new CopyOnWriteArrayList<>();

    @Override
    public void onReading(MeterReading reading) {
        readings.add(reading);
    }

    public MeterReading last() {
        return readings.isEmpty() ? null : readings.get(readings.size() - 1);
    }

    public boolean lastIs(Quality q) {
        MeterReading r = last();
        return r != null && r.quality() == q;
    }

    /** Whether the qualities seen since {@code from} contain {@code first} and later {@code then}. */
    public boolean sawInOrder(int from, Quality first, Quality then) {
        int i = from;
        while (i < readings.size() && readings.get(i).quality() != first) i++;
        while (i < readings.size() && readings.get(i).quality() != then) i++;
        return i < readings.size();
    }

    public void clear() {
        readings.clear();
    }
}
