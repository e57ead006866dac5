package org.microsmartgrid.grid.balancer.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The price file: what it accepts, and every kind of nonsense refused with the line that is wrong. */
class PriceCsvTest {

    @Test
    void readsHoursWithOffsetsHeaderCommentsAndItalianDecimals() {
        PriceList list = PriceCsv.parse("""
                \uFEFFora;prezzo
                # PUN 7 dicembre 2026
                2026-12-07T00:00+01:00;112,40
                2026-12-07T01:00+01:00;98

                """, "pun.csv");
        assertEquals(2, list.hours().size());
        assertEquals(112.40, list.priceAt(Instant.parse("2026-12-06T23:30:00Z")).getAsDouble(), 1e-9);
        assertEquals(98, list.priceAt(Instant.parse("2026-12-07T00:59:59Z")).getAsDouble(), 1e-9);
        assertTrue(list.priceAt(Instant.parse("2026-12-07T01:00:00Z")).isEmpty(), "an hour not in the file has no price");
    }

    @Test
    void theTwoHoursOfTheAutumnChangeAreToldApartByTheirOffset() {
        PriceList list = PriceCsv.parse("2026-10-25T02:00+02:00,80\n2026-10-25T02:00+01:00,70\n", "pun.csv");
        assertEquals(2, list.hours().size());
    }

    @Test
    void aZeroPriceIsAPrice() {
        assertEquals(0, PriceCsv.parse("2026-05-01T13:00+02:00,0", "pun.csv").hours().firstEntry().getValue(), 0);
    }

    @Test
    void nonsenseIsRefusedNamingTheLine() {
        assertRefused("2026-12-07T00:00+01:00,-5", "line 1", "negative price", "PUN");
        assertRefused("2026-12-07T00:00+01:00,0.112\n2026-12-07T01:00+01:00,112000", "line 2", "above 5000");
        assertRefused("2026-12-07T00:30+01:00,100", "whole hour");
        assertRefused("2026-12-07T00:00,100", "offset");
        assertRefused("2026-12-07T00:00+01:00,100\n2026-12-07T00:00+01:00,101", "line 2", "twice");
        assertRefused("2026-12-07T00:00+01:00,abc\n2026-12-07T01:00+01:00,NaN", "line 1: 'abc' is not a price", "line 2: 'NaN'");
        assertRefused("2026-12-07T00:00+01:00,1,2", "3 field(s)");
        assertRefused("# nothing\n\n", "no prices");
        assertRefused("<html><body>Service unavailable</body></html>", "line 1");
    }

    @Test
    void manyBadLinesAreCountedNotAllListed() {
        StringBuilder b = new StringBuilder();
        for (int h = 0; h < 9; h++) b.append("2026-12-07T0").append(h).append(":00+01:00,-1\n");
        assertRefused(b.toString(), "line 5", "and 4 more");
    }

    private static void assertRefused(String text, String... mentions) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PriceCsv.parse(text, "pun.csv"));
        assertTrue(e.getMessage().startsWith("pun.csv: "), e.getMessage());
        for (String m : mentions) assertTrue(e.getMessage().contains(m), "'" + m + "' not in: " + e.getMessage());
    }
}
