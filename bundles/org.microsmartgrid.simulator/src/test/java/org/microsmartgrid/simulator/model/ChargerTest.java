package org.microsmartgrid.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class ChargerTest {

    @Property
    void fullPowerBelowTheTaperThenLessAndLessThenNothing(@ForAll VehicleClass vehicle,
                                                           @ForAll @DoubleRange(min = 0, max = 1) double soc,
                                                           @ForAll @DoubleRange(min = 0, max = 1) double higherBy) {
        double p = Charger.powerW(vehicle, soc);
        if (soc <= Charger.TAPER_START) assertEquals(vehicle.chargerW(), p);
        else if (soc < 1) assertTrue(p < vehicle.chargerW() && p > 0);
        else assertEquals(0, p);
        double higher = Math.min(1, soc + higherBy * (1 - soc));
        assertTrue(Charger.powerW(vehicle, higher) <= p, "the taper never rises as the battery fills");
    }

    @Property
    void chargingNeverOverfills(@ForAll VehicleClass vehicle, @ForAll @DoubleRange(min = 0, max = 1) double soc,
                                @ForAll @DoubleRange(min = 0, max = 1e6) double seconds) {
        double after = Charger.charge(vehicle, soc, Charger.powerW(vehicle, soc), seconds);
        assertTrue(after >= soc && after <= 1);
    }

    @Test
    void anEbikeChargesInTheUsualThreeToSevenHours() {
        double soc = 0;
        int seconds = 0;
        while (soc < 1 && seconds < 24 * 3600) {
            soc = Charger.charge(VehicleClass.EBIKE, soc, Charger.powerW(VehicleClass.EBIKE, soc), 1);
            seconds++;
        }
        double hours = seconds / 3600.0;
        assertTrue(hours >= 3 && hours <= 7, "e-bike full charge took " + hours + " h");
    }

    @Test
    void aCarOnASchukoSocketDrawsAbout2kW() {
        double p = Charger.powerW(VehicleClass.CAR, 0.5);
        assertTrue(p >= 1800 && p <= 2300);
        assertTrue(p < 3680, "never above what a 16 A Schuko socket allows");
    }
}
