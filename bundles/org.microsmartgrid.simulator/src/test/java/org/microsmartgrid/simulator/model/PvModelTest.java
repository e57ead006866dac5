package org.microsmartgrid.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class PvModelTest {
    private static final long YEAR_2025 = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();

    @Property(tries = 300)
    void noProductionWhileTheSunIsDown(@ForAll @LongRange(min = 0, max = 365L * 86400) long second,
                                       @ForAll @DoubleRange(min = 0, max = 1) double cloudiness) {
        Instant t = Instant.ofEpochSecond(YEAR_2025 + second);
        PvModel pv = new PvModel(Location.MILAN, 7, 3000, cloudiness);
        double elevation = SolarPosition.elevationDegrees(t, Location.MILAN.latitude(), Location.MILAN.longitude());
        double power = pv.powerW(t);
        if (elevation <= 0) assertEquals(0, power);
        else if (elevation < 1) assertTrue(power >= 0 && power < 100, "next to nothing at sunrise/sunset: " + power);
        else assertTrue(power > 0 && power <= 3000, "power " + power + " at elevation " + elevation);
    }

    @Test
    void clearSkyDayPeaksNearSolarNoon() {
        Instant midnight = Instant.parse("2025-06-21T00:00:00Z");
        int bestMinute = -1;
        double best = -1;
        for (int minute = 0; minute < 1440; minute++) {
            double p = PvModel.clearSkyPowerW(3000, midnight.plusSeconds(minute * 60L), Location.MILAN);
            if (p > best) {
                best = p;
                bestMinute = minute;
            }
        }
        assertEquals(SolarPosition.solarNoonMinutesUtc(midnight.plusSeconds(43200), Location.MILAN.longitude()), bestMinute, 2);
        assertTrue(best > 2700, "a 3 kWp array makes about 2.8 kW at a June noon in Milan, got " + best);
    }

    @Test
    void juneMakesMoreThanDecember() {
        double june = dailyEnergyWh("2025-06-21T00:00:00Z");
        double december = dailyEnergyWh("2025-12-21T00:00:00Z");
        assertTrue(june > 2.5 * december, "june " + june + " Wh vs december " + december + " Wh");
        // Clear-sky horizontal irradiation at 45° N in June is about 8-9 kWh/m² a day.
        assertTrue(june > 21_000 && june < 28_500, "a clear June day gives 7-9.5 kWh per kWp, got " + june + " Wh for 3 kWp");
    }

    @Test
    void cloudsOnlyDimTheSun() {
        Instant t = Instant.parse("2025-06-21T11:00:00Z");
        PvModel clear = new PvModel(Location.MILAN, 1, 3000, 0);
        PvModel overcast = new PvModel(Location.MILAN, 1, 3000, 1);
        double clearSky = PvModel.clearSkyPowerW(3000, t, Location.MILAN);
        assertEquals(clearSky, clear.powerW(t), 1e-9);
        assertEquals(0.2 * clearSky, overcast.powerW(t), 1e-9);
    }

    @Test
    void aCloudyDayMakesLessThanAClearOneButMoreThanAnOvercastOne() {
        double clear = 0, broken = 0, overcast = 0;
        PvModel c = new PvModel(Location.MILAN, 3, 3000, 0);
        PvModel b = new PvModel(Location.MILAN, 3, 3000, 0.5);
        PvModel o = new PvModel(Location.MILAN, 3, 3000, 1);
        Instant day = Instant.parse("2025-06-21T00:00:00Z");
        for (int s = 0; s < 86400; s += 10) {
            clear += c.powerW(day.plusSeconds(s));
            broken += b.powerW(day.plusSeconds(s));
            overcast += o.powerW(day.plusSeconds(s));
        }
        assertTrue(clear > broken && broken > overcast, clear + " > " + broken + " > " + overcast);
    }

    private static double dailyEnergyWh(String midnight) {
        Instant start = Instant.parse(midnight);
        double wh = 0;
        for (int minute = 0; minute < 1440; minute++) wh += PvModel.clearSkyPowerW(3000, start.plusSeconds(minute * 60L), Location.MILAN) / 60;
        return wh;
    }
}
