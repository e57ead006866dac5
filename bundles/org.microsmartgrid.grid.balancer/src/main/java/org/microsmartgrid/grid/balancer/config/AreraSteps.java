package org.microsmartgrid.grid.balancer.config;

import java.util.stream.IntStream;

/** The contract powers an Italian domestic supply can have (ARERA): 0.5..6 kW in 0.5 kW steps, then 7..10, 15..30. */
public final class AreraSteps {

    public static final int[] DOMESTIC_W = IntStream.concat(IntStream.rangeClosed(1, 12).map(i -> i * 500),
            IntStream.of(7000, 8000, 9000, 10000, 15000, 20000, 25000, 30000)).toArray();

    private AreraSteps() {
    }

    public static boolean isDomesticStep(int watts) {
        return IntStream.of(DOMESTIC_W).anyMatch(w -> w == watts);
    }
}
