package org.microsmartgrid.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Instant;

class SolarPositionTest {
    private static final double LAT = Location.MILAN.latitude();
    private static final double LON = Location.MILAN.longitude();

    @Test
    void noonElevationInMilanMatchesLatitudeAndDeclination() {
        // At the solstices the noon sun stands at 90° - 45.46° ± 23.44°.
        Instant juneNoon = Instant.parse("2025-06-21T00:00:00Z").plusSeconds(Math.round(SolarPosition.solarNoonMinutesUtc(Instant.parse("2025-06-21T12:00:00Z"), LON) * 60));
        Instant decemberNoon = Instant.parse("2025-12-21T00:00:00Z").plusSeconds(Math.round(SolarPosition.solarNoonMinutesUtc(Instant.parse("2025-12-21T12:00:00Z"), LON) * 60));
        assertEquals(67.98, SolarPosition.elevationDegrees(juneNoon, LAT, LON), 0.3);
        assertEquals(21.10, SolarPosition.elevationDegrees(decemberNoon, LAT, LON), 0.3);
    }

    @Test
    void solarNoonInMilanIsAboutTwentyFivePastElevenUtcInJune() {
        double minutes = SolarPosition.solarNoonMinutesUtc(Instant.parse("2025-06-21T12:00:00Z"), LON);
        assertEquals(11 * 60 + 25, minutes, 3);
    }

    @Test
    void theSunIsBelowTheHorizonAtMidnightAndAboveAtNoon() {
        assertTrue(SolarPosition.elevationDegrees(Instant.parse("2025-03-20T23:00:00Z"), LAT, LON) < -20);
        assertTrue(SolarPosition.elevationDegrees(Instant.parse("2025-03-20T11:30:00Z"), LAT, LON) > 40);
    }
}
