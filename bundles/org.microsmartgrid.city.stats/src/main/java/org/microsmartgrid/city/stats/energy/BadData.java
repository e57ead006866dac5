package org.microsmartgrid.city.stats.energy;

/**
 * Why a reading, or the interval that ends with it, is left out of the aggregates (docs/statistics.md, "Dati
 * anomali / Bad data"). Every case is counted per module and shown; none is guessed over.
 */
public enum BadData {
    /** Captured more than the tolerance after the city received it: the module's clock is wrong. */
    FUTURE_CLOCK,
    /** A counter is lower than in the previous reading (meter replaced or reset, or a wrong value). */
    COUNTER_BACK,
    /** Longer than the largest gap since the previous reading: the energy in between cannot be placed in hours. */
    GAP,
    /** Not after the previous reading (a replay of what is already counted). Harmless, counted apart. */
    NOT_AFTER_PREVIOUS,
    /** More energy in the interval than the connection could carry (a jump of the counter). */
    IMPLAUSIBLE_JUMP
}
