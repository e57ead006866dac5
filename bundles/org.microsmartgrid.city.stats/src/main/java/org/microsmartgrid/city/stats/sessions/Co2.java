package org.microsmartgrid.city.stats.sessions;

/**
 * CO2 avoided by charging instead of driving on petrol (docs/statistics.md, "CO2"): the kilometres the energy
 * drives (energy / EV consumption) at the baseline car's emissions, minus the grid's emissions for the part not
 * covered locally. Solar counts as zero (operation only, as the baseline car's figure is tailpipe only).
 *
 * @param baselineGPerKm the car the kWh replaces, g/km
 * @param evKwhPerKm     the electric vehicle's consumption, kWh/km
 * @param gridGPerKwh    emission factor of grid electricity, g/kWh
 */
public record Co2(double baselineGPerKm, double evKwhPerKm, double gridGPerKwh) {

    public Co2 {
        if (!(evKwhPerKm > 0) || baselineGPerKm < 0 || gridGPerKwh < 0) throw new IllegalArgumentException("CO2 rates");
    }

    /** @return kg of CO2 avoided (negative if the grid part emits more than the car would have) */
    public double avoidedKg(double energyWh, double solarWh) {
        double kwh = energyWh / 1000.0;
        double gridKwh = Math.max(0, energyWh - solarWh) / 1000.0;
        return (kwh / evKwhPerKm * baselineGPerKm - gridKwh * gridGPerKwh) / 1000.0;
    }
}
