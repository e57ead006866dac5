package org.microsmartgrid.simulator.model;

/**
 * What shapes the simulated building. All but the seed and the location can be changed while it runs.
 *
 * @param seed            the seed of every random process (weather, load noise, voltages, initial counters)
 * @param location        where the sun is computed for
 * @param pvPeakW         PV power under 1000 W/m²
 * @param cloudiness      share of time the sun is behind a cloud, 0..1
 * @param pvPhase         a three-phase inverter, or single-phase on L1/L2/L3
 * @param buildingBaseW   the building's load that never stops
 * @param buildingPeakW   the evening peak on top of the base
 * @param buildingPhase   how the building's load spreads over the phases
 * @param extraLoadW      a constant extra load (e.g. to force shedding in a demo)
 */
public record SiteParameters(long seed, Location location, double pvPeakW, double cloudiness, PhaseConnection pvPhase,
                             double buildingBaseW, double buildingPeakW, PhaseConnection buildingPhase,
                             double extraLoadW) {
    public SiteParameters {
        if (location == null || pvPhase == null || buildingPhase == null) throw new IllegalArgumentException("location and phases are required");
        requireRange("pvPeakW", pvPeakW, 0, 30_000);
        requireRange("cloudiness", cloudiness, 0, 1);
        requireRange("buildingBaseW", buildingBaseW, 0, 100_000);
        requireRange("buildingPeakW", buildingPeakW, 0, 100_000);
        requireRange("extraLoadW", extraLoadW, 0, 100_000);
    }

    /** Milan, 3 kWp, 30% cloudy, 400 W base and a 2.5 kW evening peak, all balanced over three phases. */
    public static SiteParameters defaults(long seed) {
        return new SiteParameters(seed, Location.MILAN, 3000, 0.3, PhaseConnection.THREE_PHASE, 400, 2500,
                PhaseConnection.THREE_PHASE, 0);
    }

    private static void requireRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", got " + value);
        }
    }
}
