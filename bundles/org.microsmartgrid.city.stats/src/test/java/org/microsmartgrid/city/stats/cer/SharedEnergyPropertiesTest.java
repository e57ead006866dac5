package org.microsmartgrid.city.stats.cer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import org.microsmartgrid.city.stats.energy.HourEnergy;

/** Properties of the sharing rules on any hourly figures. */
class SharedEnergyPropertiesTest {

    @Property
    void sharedNeverExceedsEitherSide(@ForAll @DoubleRange(min = 0, max = 1e7) double fed,
                                      @ForAll @DoubleRange(min = 0, max = 1e7) double drawn) {
        double s = SharedEnergy.shared(fed, drawn);
        assertTrue(s <= fed && s <= drawn && s >= 0);
    }

    @Property
    void membersSharesSumToTheSharedEnergyAndAreNeverNegative(
            @ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = 0, max = 50_000) Double> fed,
            @ForAll @Size(min = 12, max = 12) List<@DoubleRange(min = 0, max = 50_000) Double> drawn,
            @ForAll @DoubleRange(min = 0, max = 1) double producerFraction) {
        Map<Integer, Double> f = new LinkedHashMap<>(), d = new LinkedHashMap<>();
        for (int i = 0; i < fed.size(); i++) {
            f.put(i, fed.get(i));
            d.put(i, drawn.get(i));
        }
        Map<Integer, Double> shares = SharedEnergy.shares(f, d, producerFraction);
        double total = SharedEnergy.shared(f.values().stream().mapToDouble(x -> x).sum(),
                d.values().stream().mapToDouble(x -> x).sum());
        assertEquals(total, shares.values().stream().mapToDouble(x -> x).sum(), 1e-6 * Math.max(1, total));
        shares.values().forEach(s -> assertTrue(s >= 0));
    }

    @Property(tries = 50)
    void aMonthlyStatementsMemberLinesSumToItsTotalsAndSharedIsBoundedByBothSides(
            @ForAll @IntRange(min = 1, max = 6) int members, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 50) int holes) {
        java.util.Random r = new java.util.Random(seed);
        YearMonth month = YearMonth.of(2026, 2);
        long from = month.atDay(1).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
        long to = month.plusMonths(1).atDay(1).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
        Map<String, Map<Long, HourEnergy>> data = new HashMap<>();
        List<Member> list = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String mod = "acc/m" + i;
            LocalDate joined = LocalDate.of(2026, 1, 1 + r.nextInt(28)).plusDays(r.nextInt(40));
            LocalDate left = LocalDate.of(2026, 2, 20);
            list.add(new Member(mod, null, joined, r.nextBoolean() && joined.isBefore(left) ? left : null));
            Map<Long, HourEnergy> m = new HashMap<>();
            for (long h = from; h < to; h += HourEnergy.HOUR_MS)
                m.put(h, new HourEnergy(h, r.nextDouble() * 3000, r.nextDouble() * 3000, HourEnergy.HOUR_MS));
            data.put(mod, m);
        }
        List<Long> keys = new ArrayList<>(data.get("acc/m0").keySet());
        for (int i = 0; i < holes; i++) data.get("acc/m" + r.nextInt(members)).remove(keys.get(r.nextInt(keys.size())));
        Community c = new Community("p", null, "AC1", list);
        MonthlyStatement s = Statements.month(c, month, (mods, f, t) -> data, 110, 0.3);
        double shares = s.members().stream().mapToDouble(MonthlyStatement.MemberLine::shareWh).sum();
        double fed = s.members().stream().mapToDouble(MonthlyStatement.MemberLine::fedWh).sum();
        double drawn = s.members().stream().mapToDouble(MonthlyStatement.MemberLine::drawnWh).sum();
        assertEquals(s.sharedWh(), shares, 1e-6 * Math.max(1, s.sharedWh()));
        assertEquals(s.fedWh(), fed, 1e-6 * Math.max(1, fed));
        assertEquals(s.drawnWh(), drawn, 1e-6 * Math.max(1, drawn));
        assertTrue(s.sharedWh() <= s.fedWh() + 1e-6 && s.sharedWh() <= s.drawnWh() + 1e-6);
        assertTrue(s.missingHours() <= s.hoursWithMembers());
        assertEquals(s.incentiveEur(), s.members().stream().mapToDouble(MonthlyStatement.MemberLine::incentiveEur).sum(),
                1e-6);
    }
}
