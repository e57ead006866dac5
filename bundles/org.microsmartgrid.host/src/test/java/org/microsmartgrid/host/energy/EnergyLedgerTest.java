package org.microsmartgrid.host.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.microsmartgrid.api.tariff.TariffBand.F1;
import static org.microsmartgrid.api.tariff.TariffBand.F2;
import static org.microsmartgrid.api.tariff.TariffBand.F3;
import static org.microsmartgrid.host.energy.BandSplitTest.ARERA;
import static org.microsmartgrid.host.energy.BandSplitTest.rome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.host.energy.EnergyLedger.Outcome;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EnergyLedgerTest {
    static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);

    private final EnergyLedger ledger = new EnergyLedger(ARERA, 100_000);

    @Test
    void theFirstReadingIsTheBaseAndTheNextAddsItsStepInItsBand() {
        assertEquals(Outcome.BASELINE, ledger.record("grid/IMPORT_ENERGY", Flow.GRID_IMPORT, 3_490_000, rome("2026-03-02T10:00")));
        assertEquals(Outcome.ADDED, ledger.record("grid/IMPORT_ENERGY", Flow.GRID_IMPORT, 3_490_500, rome("2026-03-02T10:30")));
        Totals day = ledger.totals(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2));
        assertEquals(500, day.wh(Flow.GRID_IMPORT, F1), 1e-9);
        assertEquals(0, day.wh(Flow.GRID_IMPORT, F2), 1e-9);
        assertEquals(0, day.wh(Flow.PV), 1e-9);
    }

    @Test
    void theSameSampleTwiceCountsOnce() {
        Instant t = rome("2026-03-02T10:00");
        ledger.record("pv/EXPORT_ENERGY", Flow.PV, 1000, t);
        ledger.record("pv/EXPORT_ENERGY", Flow.PV, 1200, t.plusSeconds(60));
        assertEquals(Outcome.IGNORED, ledger.record("pv/EXPORT_ENERGY", Flow.PV, 1200, t.plusSeconds(60)));
        assertEquals(200, ledger.totals(JAN_1, DEC_31).wh(Flow.PV), 1e-9);
    }

    @Test
    void aCounterThatGoesBackStartsANewSegment() {
        // a socket meter replaced at 11:00: the new one starts at 0.4 kWh
        Instant t = rome("2026-03-02T10:00");
        ledger.record("socket-1/IMPORT_ENERGY", Flow.VEHICLES, 52_000, t);
        ledger.record("socket-1/IMPORT_ENERGY", Flow.VEHICLES, 53_000, t.plusSeconds(3600));
        assertEquals(Outcome.WENT_BACK, ledger.record("socket-1/IMPORT_ENERGY", Flow.VEHICLES, 400, t.plusSeconds(7200)));
        ledger.record("socket-1/IMPORT_ENERGY", Flow.VEHICLES, 900, t.plusSeconds(9000));
        assertEquals(1000 + 500, ledger.totals(JAN_1, DEC_31).wh(Flow.VEHICLES), 1e-9);
    }

    @Test
    void aJumpNoPowerCouldMakeStartsANewSegment() {
        // a replacement grid meter whose counter happens to be higher: 10 MWh in ten seconds is not energy
        Instant t = rome("2026-03-02T10:00");
        ledger.record("grid/IMPORT_ENERGY", Flow.GRID_IMPORT, 1_000_000, t);
        assertEquals(Outcome.JUMPED, ledger.record("grid/IMPORT_ENERGY", Flow.GRID_IMPORT, 11_000_000, t.plusSeconds(10)));
        ledger.record("grid/IMPORT_ENERGY", Flow.GRID_IMPORT, 11_000_010, t.plusSeconds(20));
        assertEquals(10, ledger.totals(JAN_1, DEC_31).wh(Flow.GRID_IMPORT), 1e-9);
    }

    @Test
    void aRestartLosesNothingTheCountersRecoverThePause(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        EnergyStore store = new EnergyStore(dir.resolve("energy.json"));
        ledger.record("grid/IMPORT_ENERGY", Flow.GRID_IMPORT, 10_000, rome("2026-03-02T06:00"));
        ledger.record("grid/IMPORT_ENERGY", Flow.GRID_IMPORT, 10_700, rome("2026-03-02T07:00")); // F3
        store.save(ledger.state());

        // the module is off from 07:00 to 09:00; the new process reads the file, then the meter
        EnergyLedger after = new EnergyLedger(ARERA, 100_000);
        after.restore(store.load().orElseThrow());
        assertEquals(Outcome.ADDED, after.record("grid/IMPORT_ENERGY", Flow.GRID_IMPORT, 12_700, rome("2026-03-02T09:00")));
        Totals day = after.totals(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2));
        assertEquals(700, day.wh(Flow.GRID_IMPORT, F3), 1e-9);
        assertEquals(1000, day.wh(Flow.GRID_IMPORT, F2), 1e-9); // 07-08 spread evenly over the pause
        assertEquals(1000, day.wh(Flow.GRID_IMPORT, F1), 1e-9); // 08-09
    }

    @Test
    void monthsAreSplitAtItalianMidnight() {
        // 31 January 2026 (Saturday) 23:30 to 1 February (Sunday) 00:30 Italian time, which is 22:30-23:30 UTC:
        // in UTC all of it is in January, in Italy half is February's
        ledger.record("pv/EXPORT_ENERGY", Flow.PV, 0, rome("2026-01-31T23:30"));
        ledger.record("pv/EXPORT_ENERGY", Flow.PV, 60, rome("2026-02-01T00:30"));
        assertEquals(30, ledger.totals(JAN_1, LocalDate.of(2026, 1, 31)).wh(Flow.PV), 1e-9);
        assertEquals(30, ledger.totals(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)).wh(Flow.PV), 1e-9);
    }

    @Test
    void selfConsumptionIsWhatThePvMadeMinusWhatWentOutPerDayAndBand() {
        Instant t = rome("2026-03-02T10:00");
        ledger.record("pv/EXPORT_ENERGY", Flow.PV, 0, t);
        ledger.record("grid/EXPORT_ENERGY", Flow.GRID_EXPORT, 0, t);
        ledger.record("pv/EXPORT_ENERGY", Flow.PV, 2000, t.plusSeconds(3600));
        ledger.record("grid/EXPORT_ENERGY", Flow.GRID_EXPORT, 500, t.plusSeconds(3600));
        Totals d = ledger.totals(JAN_1, DEC_31);
        assertEquals(1500, d.selfConsumedWh(F1), 1e-9);
        assertEquals(1500, d.selfConsumedWh(), 1e-9);
    }

    /** One reading of a counter that may be reset: how many Wh since the previous reading, or a reset to a value. */
    record Step(long seconds, double wh, boolean reset) {
    }

    @Provide
    Arbitrary<List<Step>> readings() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.longs().between(1, 6 * 3600),
                Arbitraries.doubles().between(0, 5000), Arbitraries.integers().between(0, 19).map(i -> i == 0))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void theTotalIsWhatTheCountersAdvancedBySegmentBySegmentWhateverTheReadingsAndRestarts(
            @ForAll("readings") List<Step> steps, @ForAll java.util.Random random) {
        EnergyLedger l = new EnergyLedger(ARERA, 1e12); // no step is too big here
        Instant t = rome("2026-03-25T12:00"); // readings run across the spring daylight-saving change
        double counter = 123_456;
        double expected = 0;
        l.record("socket-1/IMPORT_ENERGY", Flow.VEHICLES, counter, t);
        for (Step s : steps) {
            t = t.plusSeconds(s.seconds());
            if (s.reset()) {
                counter = Math.max(0, counter - 1 - s.wh()); // a new meter, lower: nothing between the two counts
            } else {
                counter += s.wh();
                expected += s.wh();
            }
            if (random.nextInt(10) == 0) { // a restart now and then: through the saved state
                EnergyLedger fresh = new EnergyLedger(ARERA, 1e12);
                fresh.restore(l.state());
                l = fresh;
            }
            l.record("socket-1/IMPORT_ENERGY", Flow.VEHICLES, counter, t);
        }
        Totals all = l.totals(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31));
        double byBand = all.wh(Flow.VEHICLES, F1) + all.wh(Flow.VEHICLES, F2) + all.wh(Flow.VEHICLES, F3);
        assertEquals(byBand, all.wh(Flow.VEHICLES), 1e-6);
        double daily = l.daily(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31)).values().stream()
                .mapToDouble(d -> d.wh(Flow.VEHICLES)).sum();
        assertEquals(all.wh(Flow.VEHICLES), daily, 1e-6);
        assertEquals(expected, all.wh(Flow.VEHICLES), 1e-6 * Math.max(1, expected));
    }
}
