package org.microsmartgrid.city.stats.energy;

/**
 * One reading of a building's grid meter counters, as msg/site carries them (docs/cloud-telemetry.md).
 *
 * @param at       capture time, epoch ms
 * @param importWh the import energy counter (drawn from the grid), Wh
 * @param exportWh the export energy counter (fed into the grid), Wh
 */
public record CounterSample(long at, double importWh, double exportWh) {
}
