package org.microsmartgrid.api.meter;

import java.time.Instant;

/** One value of one channel and the moment the device answered with it. */
public record Sample(double value, Instant at) {
    public Sample {
        if (at == null) throw new IllegalArgumentException("a sample needs its capture time");
        if (!Double.isFinite(value)) throw new IllegalArgumentException("a sample must be a finite number, got " + value);
    }
}
