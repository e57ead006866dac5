package org.microsmartgrid.grid.balancer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.BatteryHour;
import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.grid.balancer.decision.BalancerState;
import org.microsmartgrid.grid.balancer.decision.Balancing;
import org.microsmartgrid.grid.balancer.decision.BatteryValue;
import org.microsmartgrid.grid.balancer.decision.MeterValue;
import org.microsmartgrid.grid.balancer.decision.Settings;
import org.microsmartgrid.grid.balancer.decision.SiteSnapshot;
import org.microsmartgrid.grid.balancer.decision.TradingRules;
import org.microsmartgrid.grid.balancer.tariff.BandTariff;
import org.microsmartgrid.grid.balancer.tariff.PriceList;
import org.microsmartgrid.grid.balancer.tariff.PricedTariff;
import org.microsmartgrid.grid.balancer.tariff.TariffOutlook;

/** The money formula: (discharged − charged) Wh / 10^6 × €/MWh of the hour, per hour. */
class TradeLedgerTest {

    private static final Instant H18 = Instant.parse("2026-12-07T17:00:00Z");
    private static final Instant H19 = H18.plus(Duration.ofHours(1));

    @Test
    void anHourSellingTwoKilowattsAtTwoHundredEurosMakesForty() {
        TreeMap<Instant, Double> hours = new TreeMap<>();
        hours.put(H18, 200.0);
        TariffOutlook tariff = new PricedTariff(BandTariff.of(TariffBand.F3), new PriceList(hours, "test"));
        TradeLedger ledger = new TradeLedger();
        // every 5 s for the whole hour: the battery discharges 2000 W, 1500 W of it into the grid
        for (Instant t = H18; !t.isAfter(H19); t = t.plusSeconds(5))
            ledger.record(snapshot(t, -1500, 2000, tariff), decision(t, -1500, 2000, tariff));
        List<BatteryHour> result = ledger.hours();
        BatteryHour h = result.get(0);
        assertEquals(H18, h.hourStart());
        assertEquals(2000, h.dischargedWh(), 1e-6);
        assertEquals(1500, h.exportedWh(), 1e-6);
        assertEquals(0, h.chargedWh(), 0);
        assertEquals("PUN", h.priceSource());
        assertEquals(0.002 * 200, h.valueEur(), 1e-9); // 2 kWh at 0.20 €/kWh
        assertEquals("SELL", h.trade());
        // the next hour has no price: the bands decided, no money figure
        BatteryHour next = result.get(1);
        assertEquals("BANDS", next.priceSource());
        assertNull(next.valueEur());
    }

    @Test
    void aGapOfAStoppedLoopIsNotCounted() {
        TradeLedger ledger = new TradeLedger();
        TariffOutlook tariff = BandTariff.of(TariffBand.F3);
        ledger.record(snapshot(H18, 0, -1000, tariff), decision(H18, 0, -1000, tariff));
        Instant later = H18.plus(Duration.ofMinutes(10));
        ledger.record(snapshot(later, 0, -1000, tariff), decision(later, 0, -1000, tariff));
        assertEquals(0, ledger.hours().get(0).chargedWh(), 0);
        Instant soon = later.plusSeconds(9);
        ledger.record(snapshot(soon, 0, -1000, tariff), decision(soon, 0, -1000, tariff));
        assertEquals(2.5, ledger.hours().get(0).chargedWh(), 1e-9); // 1000 W for 9 s
    }

    private static SiteSnapshot snapshot(Instant t, double gridW, double batteryW, TariffOutlook tariff) {
        Settings st = Settings.defaults(3000).withTrading(new TradingRules(true, 40, 150, 90,
                java.util.Set.of(TariffBand.F1), java.util.Set.of(TariffBand.F3)));
        return new SiteSnapshot(t, MeterValue.good(gridW, t), Optional.empty(),
                Optional.of(BatteryValue.good(60, batteryW, t)), List.of(), tariff, st, BalancerState.EMPTY);
    }

    private static org.microsmartgrid.grid.balancer.decision.Decision decision(Instant t, double gridW, double batteryW,
                                                                            TariffOutlook tariff) {
        return Balancing.decide(snapshot(t, gridW, batteryW, tariff));
    }
}
