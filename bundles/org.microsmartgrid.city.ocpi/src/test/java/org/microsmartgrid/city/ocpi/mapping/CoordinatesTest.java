package org.microsmartgrid.city.ocpi.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CoordinatesTest {

    @Test
    void fiveToSevenDecimalsNeverMorePreciseThanStored() {
        assertEquals("45.46000", Coordinates.latitude(45.46).orElseThrow());
        assertEquals("45.4642035", Coordinates.latitude(45.4642035).orElseThrow());
        assertEquals("45.4642035", Coordinates.latitude(45.46420351234).orElseThrow(), "rounded to 7");
        assertEquals("-0.000001", Coordinates.latitude(-0.000001).orElseThrow());
        assertEquals("0.0000000", Coordinates.latitude(-0.00000001).orElseThrow(), "no negative zero");
        assertEquals("0.0000001", Coordinates.longitude(1e-7).orElseThrow(), "no exponent");
        assertEquals("-179.9999999", Coordinates.longitude(-179.9999999).orElseThrow());
    }

    @Test
    void outOfRangeAndNotANumberAreNotCoordinates() {
        assertTrue(Coordinates.latitude(90.5).isEmpty());
        assertTrue(Coordinates.longitude(181.0).isEmpty());
        assertTrue(Coordinates.latitude(Double.NaN).isEmpty());
        assertTrue(Coordinates.longitude(Double.POSITIVE_INFINITY).isEmpty());
        assertTrue(Coordinates.latitude(null).isEmpty());
    }
}
