package org.microsmartgrid.city.stats.cer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.stats.energy.HourEnergy;

/** Monthly statements on hand-made hourly series whose answers are worked out by hand in each test. */
class StatementsTest {

    private static final YearMonth JUNE = YearMonth.of(2026, 6); // 30 days, no clock change: 720 hours
    private static final long JUNE_1 = LocalDate.of(2026, 6, 1).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    private static final long H = HourEnergy.HOUR_MS;

    /** Every hour of June for every module gets the same (import, export), unless overridden. */
    private final Map<String, Map<Long, HourEnergy>> data = new HashMap<>();

    private void everyHour(String module, double importWh, double exportWh) {
        Map<Long, HourEnergy> m = data.computeIfAbsent(module, k -> new HashMap<>());
        for (long h = JUNE_1; h < JUNE_1 + 720 * H; h += H) m.put(h, new HourEnergy(h, importWh, exportWh, H));
    }

    private MonthlyStatement june(Community c) {
        return Statements.month(c, JUNE, (mods, from, to) -> data, 100.0, 0.5);
    }

    @Test
    void aProducerAndAConsumerShareTheSmallerSideEachHour() {
        everyHour("a/solar", 0, 3000); // the school feeds 3 kWh every hour
        everyHour("a/flats", 2000, 0); // the flats draw 2 kWh every hour
        Community c = new Community("cer1", "CER Bovisa", "AC001", List.of(
                new Member("a/solar", "Scuola", LocalDate.of(2026, 1, 1), null),
                new Member("a/flats", "Condominio", LocalDate.of(2026, 1, 1), null)));
        MonthlyStatement s = june(c);
        assertEquals(720, s.hours());
        assertEquals(0, s.missingHours());
        assertEquals(720 * 2000.0, s.sharedWh(), 1e-6, "min(3 kWh, 2 kWh) × 720 h");
        assertEquals(1440.0 * 100 / 1000, s.incentiveEur(), 1e-9, "1.44 MWh at 100 €/MWh = 144 €");
        // half to the producer (its only one), half to the consumer (its only one)
        assertEquals(720 * 1000.0, s.members().get(0).shareWh(), 1e-6);
        assertEquals(720 * 1000.0, s.members().get(1).shareWh(), 1e-6);
        assertEquals(72.0, s.members().get(0).incentiveEur(), 1e-9);
    }

    @Test
    void aMemberWhoJoinsMidMonthCountsFromThatDayOnly() {
        everyHour("a/solar", 0, 3000);
        everyHour("a/flats", 2000, 0);
        // nothing known for a/flats before it joined: must not make those hours missing
        data.get("a/flats").keySet().removeIf(h -> h < JUNE_1 + 15 * 24 * H);
        Community c = new Community("cer1", null, "AC001", List.of(
                new Member("a/solar", null, LocalDate.of(2026, 1, 1), null),
                new Member("a/flats", null, LocalDate.of(2026, 6, 16), null)));
        MonthlyStatement s = june(c);
        assertEquals(0, s.missingHours());
        assertEquals(15 * 24 * 2000.0, s.sharedWh(), 1e-6, "only the 15 days from 16 June share anything");
        assertEquals(15 * 24, s.members().get(1).memberHours());
        assertEquals(720, s.members().get(0).memberHours());
        assertEquals(720 * 3000.0, s.members().get(0).fedWh(), 1e-6, "fed alone before: counted, not shared");
    }

    @Test
    void anHourWithAMemberNotFullyMeasuredIsMissingAndNotGuessed() {
        everyHour("a/solar", 0, 3000);
        everyHour("a/flats", 2000, 0);
        data.get("a/flats").remove(JUNE_1 + 10 * H); // lost
        data.get("a/flats").put(JUNE_1 + 11 * H, new HourEnergy(JUNE_1 + 11 * H, 1000, 0, H / 2)); // half covered
        Community c = new Community("cer1", null, "AC001", List.of(
                new Member("a/solar", null, LocalDate.of(2026, 1, 1), null),
                new Member("a/flats", null, LocalDate.of(2026, 1, 1), null)));
        MonthlyStatement s = june(c);
        assertEquals(2, s.missingHours());
        assertEquals(2, s.members().get(1).missingHours());
        assertEquals(0, s.members().get(0).missingHours(), "the producer's own data was there");
        assertEquals(718 * 2000.0, s.sharedWh(), 1e-6);
        assertEquals(718 * 3000.0, s.members().get(0).fedWh(), 1e-6, "its energy in missing hours is not counted");
    }

    @Test
    void aMemberThatLeftIsNotInTheStatementOfLaterMonths() {
        everyHour("a/solar", 0, 3000);
        Community c = new Community("cer1", null, "AC001", List.of(
                new Member("a/solar", null, LocalDate.of(2026, 1, 1), null),
                new Member("a/gone", null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 1))));
        MonthlyStatement s = june(c);
        assertEquals(1, s.members().size());
        assertEquals(0, s.missingHours(), "a former member's silence is not missing data");
        assertEquals(0.0, s.sharedWh(), "a producer alone shares nothing");
    }

    @Test
    void theMonthOfTheClockChangeHasItsRealNumberOfHours() {
        Community c = new Community("cer1", null, "AC001", List.of(new Member("a/x", null, LocalDate.of(2026, 1, 1), null)));
        assertEquals(743, Statements.month(c, YearMonth.of(2026, 3), (m, f, t) -> Map.of(), 100, 0.5).hours());
        assertEquals(745, Statements.month(c, YearMonth.of(2026, 10), (m, f, t) -> Map.of(), 100, 0.5).hours());
        assertEquals(743, Statements.month(c, YearMonth.of(2026, 3), (m, f, t) -> Map.of(), 100, 0.5).missingHours(),
                "no data at all: every hour missing, none guessed");
    }

    @Test
    void badCommunitiesAreRefusedWithAReason() {
        LocalDate d = LocalDate.of(2026, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> new Member("nohslash", null, d, null));
        assertThrows(IllegalArgumentException.class, () -> new Member("a/b", null, d, d));
        assertThrows(IllegalArgumentException.class, () -> new Community("c", null, " ", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Community("c", null, "AC1",
                List.of(new Member("a/b", null, d, null), new Member("a/b", null, d, null))));
    }

    @Test
    void theCsvHasACommunityRowAndOneRowPerMember() throws Exception {
        everyHour("a/solar", 0, 3000);
        everyHour("a/flats", 2000, 0);
        Community c = new Community("cer1", null, "AC001", List.of(
                new Member("a/solar", "Scuola \"Manzoni\", Bovisa", LocalDate.of(2026, 1, 1), null),
                new Member("a/flats", null, LocalDate.of(2026, 1, 1), null)));
        StringWriter w = new StringWriter();
        StatementCsv.write(june(c), w);
        String[] lines = w.toString().split("\r\n");
        assertEquals(4, lines.length);
        assertEquals("community,cer1,2026-06,,,720,0,2160.000,1440.000,1440.000,100.0,144.00", lines[1]);
        assertEquals("member,cer1,2026-06,a/solar,\"Scuola \"\"Manzoni\"\", Bovisa\",720,0,2160.000,0.000,720.000,100.0,72.00",
                lines[2]);
    }
}
