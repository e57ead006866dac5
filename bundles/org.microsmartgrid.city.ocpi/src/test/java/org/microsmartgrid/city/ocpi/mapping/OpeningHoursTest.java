package org.microsmartgrid.city.ocpi.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.microsmartgrid.city.ocpi.model.Hours;
import org.microsmartgrid.city.ocpi.model.RegularHours;

class OpeningHoursTest {

    private static List<RegularHours> regular(String osm) {
        Hours h = OpeningHours.toOcpi(osm).orElseThrow();
        return h.regularHours();
    }

    @Test
    void noneAndTwentyFourSevenAreAlwaysOpen() {
        assertTrue(OpeningHours.toOcpi(null).orElseThrow().twentyfourseven());
        assertTrue(OpeningHours.toOcpi(" 24/7 ").orElseThrow().twentyfourseven());
    }

    @Test
    void daysListsRangesAndSeveralPeriods() {
        assertEquals(List.of(new RegularHours(1, "08:00", "12:00"), new RegularHours(1, "14:00", "18:00"),
                        new RegularHours(3, "08:00", "12:00"), new RegularHours(3, "14:00", "18:00"),
                        new RegularHours(7, "10:00", "11:00")),
                regular("Mo,We 08:00-12:00,14:00-18:00; Su 10:00-11:00"));
        assertEquals(7, regular("06:00-22:00").size(), "no days = every day");
        assertEquals(List.of(1, 6, 7), regular("Sa-Mo 09:00-10:00").stream().map(RegularHours::weekday).toList(),
                "a range over Sunday");
    }

    @Test
    void aLaterRuleReplacesTheDaysItNames() {
        assertEquals(List.of(new RegularHours(5, "08:00", "20:00"), new RegularHours(6, "09:00", "12:00")),
                regular("Fr-Sa 08:00-20:00; Sa 09:00-12:00"));
    }

    @Test
    void midnightEndsAndNightsFitOcpisSameDayPeriods() {
        assertEquals(List.of(new RegularHours(1, "18:00", "23:59")), regular("Mo 18:00-24:00"));
        assertEquals(List.of(new RegularHours(2, "00:00", "02:00"), new RegularHours(1, "22:00", "23:59")).stream()
                .sorted((a, b) -> a.weekday() - b.weekday()).toList(), regular("Mo 22:00-02:00"));
        assertEquals(List.of(new RegularHours(1, "00:00", "03:00"), new RegularHours(7, "23:00", "23:59")),
                regular("Su 23:00-03:00"), "Sunday night goes on into Monday");
        assertEquals(List.of(new RegularHours(2, "00:00", "01:00")), regular("Mo 23:59-01:00"),
                "a minute OCPI cannot say is left out, the rest is kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mo-Fr 08:00-12:00; PH off", "Jan-Mar 08:00-12:00", "Mo 25:00-26:00", "Mo 08:00-08:00",
            "Mo 8:00-12:00", "sunrise-sunset", "Mo-Fr", "<script>", "Mo 08:60-09:00"})
    void whatIsNotUnderstoodIsLeftOut(String osm) {
        assertTrue(OpeningHours.toOcpi(osm).isEmpty(), osm);
    }
}
