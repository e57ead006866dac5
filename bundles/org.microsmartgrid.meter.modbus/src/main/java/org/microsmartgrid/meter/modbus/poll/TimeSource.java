package org.microsmartgrid.meter.modbus.poll;

import java.time.Instant;

/**
 * Two clocks: a monotonic one for intervals and ages (a Raspberry Pi without RTC jumps years when NTP syncs), and
 * the wall clock for the capture times carried by samples.
 */
public interface TimeSource {
    long monotonicMillis();

    Instant now();

    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long monotonicMillis() {
            return System.nanoTime() / 1_000_000L;
        }

        @Override
        public Instant now() {
            return Instant.now();
        }
    };
}
