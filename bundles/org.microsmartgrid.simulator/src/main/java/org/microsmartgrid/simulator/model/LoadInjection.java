package org.microsmartgrid.simulator.model;

import java.time.Instant;

/** Extra building load of {@code watts} from {@code from} (inclusive) to {@code until} (exclusive), in simulated time. */
public record LoadInjection(Instant from, Instant until, double watts) {
    public LoadInjection {
        if (from == null || until == null || !until.isAfter(from)) throw new IllegalArgumentException("an injection needs from < until");
        if (!Double.isFinite(watts)) throw new IllegalArgumentException("injected watts must be a finite number");
    }

    boolean activeAt(Instant t) {
        return !t.isBefore(from) && t.isBefore(until);
    }
}
