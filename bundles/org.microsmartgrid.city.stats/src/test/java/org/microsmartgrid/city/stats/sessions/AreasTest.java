package org.microsmartgrid.city.stats.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;

/**
 * The grid's cells are half-open decimal squares [k·size, (k+1)·size): a coordinate as written (9.19, whose binary
 * double lies just below 9.19) is in the cell that starts there, on either side of zero.
 */
class AreasTest {

    @Test
    void aSearchAtExactly9Point19EastIsInTheCellThatStartsThere() {
        assertEquals("45.46,9.19", Areas.cell(45.46, 9.19, 0.01));
        assertEquals("45.46,9.18", Areas.cell(45.46, 9.189999, 0.01));
    }

    @Test
    void everyEdgeOfAHundredthOfADegreeStartsItsCell() {
        for (int i = -9000; i <= 8999; i++) {
            double edge = i / 100.0;
            String name = String.format(Locale.ROOT, "%.2f", BigDecimal.valueOf(i, 2));
            assertEquals(name + "," + name, Areas.cell(edge, edge, 0.01), "edge " + edge);
        }
    }

    @Test
    void negativeCoordinatesRoundDownToTheSouthAndWest() {
        assertEquals("-33.87,-70.65", Areas.cell(-33.87, -70.65, 0.01), "on the edges");
        assertEquals("-33.87,-70.66", Areas.cell(-33.865, -70.655, 0.01), "inside: the south-west corner is lower");
        assertEquals("-0.01,-0.01", Areas.cell(-0.000001, -0.000001, 0.01));
        assertEquals("0.00,0.00", Areas.cell(-0.0, 0.0, 0.01), "minus zero is zero");
    }

    @Test
    void aCellSizeThatIsNotAPowerOfTenIsNamedWithAllItsDecimals() {
        assertEquals("45.25,9.00", Areas.cell(45.30, 9.10, 0.25));
        assertEquals("45.500,9.185", Areas.cell(45.5, 9.1875, 0.005));
        assertEquals("40,5", Areas.cell(44.9, 9.2, 5));
    }

    @Test
    void aCellSizeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Areas.cell(45, 9, 0));
        assertThrows(IllegalArgumentException.class, () -> Areas.cell(45, 9, -0.01));
        assertThrows(IllegalArgumentException.class, () -> Areas.cell(45, 9, Double.NaN));
    }

    /** Coordinates written with up to six decimals (micro-degrees), as a map search sends them. */
    @Property(tries = 2000)
    void everyPointFallsInExactlyTheCellWhoseBoundsContainIt(@ForAll @IntRange(min = -90_000_000, max = 90_000_000) int latMicro,
                                                             @ForAll @IntRange(min = -180_000_000, max = 180_000_000) int lonMicro,
                                                             @ForAll("sizes") double size) {
        double lat = latMicro / 1e6, lon = lonMicro / 1e6;
        assertContains(Areas.cell(lat, lon, size), lat, lon, size);
    }

    /** Any double at all: its shortest decimal form (what Java prints for it) is in the cell. */
    @Property(tries = 2000)
    void anyDoubleFallsInTheCellOfItsDecimalForm(@ForAll @DoubleRange(min = -90, max = 90) double lat,
                                                 @ForAll @DoubleRange(min = -180, max = 180) double lon,
                                                 @ForAll("sizes") double size) {
        assertContains(Areas.cell(lat, lon, size), lat, lon, size);
    }

    @Provide
    Arbitrary<Double> sizes() {
        return Arbitraries.of(0.01, 0.005, 0.02, 0.25, 0.1, 0.001, 1.0, 0.03);
    }

    private static void assertContains(String cell, double lat, double lon, double size) {
        String[] corner = cell.split(",");
        BigDecimal s = BigDecimal.valueOf(size);
        check(new BigDecimal(corner[0]), BigDecimal.valueOf(lat), s, cell);
        check(new BigDecimal(corner[1]), BigDecimal.valueOf(lon), s, cell);
    }

    private static void check(BigDecimal start, BigDecimal value, BigDecimal size, String cell) {
        assertEquals(0, start.remainder(size).signum(), cell + ": a cell starts on a multiple of " + size);
        assertTrue(start.compareTo(value) <= 0, cell + " starts after " + value);
        assertTrue(value.compareTo(start.add(size)) < 0, cell + " ends at or before " + value);
    }
}
