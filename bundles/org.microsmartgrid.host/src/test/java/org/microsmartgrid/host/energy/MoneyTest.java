package org.microsmartgrid.host.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.host.energy.BandSplitTest.ARERA;
import static org.microsmartgrid.host.energy.BandSplitTest.rome;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void importIsPaidAtItsBandsPriceAndSelfConsumedPvSavesTheSame() {
        Prices prices = new Prices(Prices.parseBands("grid", new String[]{"F1=0.30", "F2=0.25", "F3=0.20"}), 0.10);
        EnergyLedger l = new EnergyLedger(ARERA, 100_000);
        Instant mon10 = rome("2026-03-02T10:00"); // F1
        Instant sun10 = rome("2026-03-01T10:00"); // F3
        // 2 kWh on Sunday 10-11, nothing until Monday 10, 2 kWh on Monday 10-11
        l.record("grid/IMPORT_ENERGY", Flow.GRID_IMPORT, 0, sun10);
        l.record("grid/IMPORT_ENERGY", Flow.GRID_IMPORT, 2000, sun10.plusSeconds(3600));
        l.record("grid/IMPORT_ENERGY", Flow.GRID_IMPORT, 2000, mon10);
        l.record("grid/IMPORT_ENERGY", Flow.GRID_IMPORT, 4000, mon10.plusSeconds(3600));
        l.record("pv/EXPORT_ENERGY", Flow.PV, 0, mon10);
        l.record("grid/EXPORT_ENERGY", Flow.GRID_EXPORT, 0, mon10);
        l.record("pv/EXPORT_ENERGY", Flow.PV, 3000, mon10.plusSeconds(3600));
        l.record("grid/EXPORT_ENERGY", Flow.GRID_EXPORT, 1000, mon10.plusSeconds(3600));

        Money m = Money.of(l.totals(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)), prices, 4.5);
        assertEquals(2 * 0.20 + 2 * 0.30, m.paidToGridEur(), 1e-9);
        assertEquals(1 * 0.10, m.earnedFromExportEur(), 1e-9);
        assertEquals(2 * 0.30, m.savedBySunEur(), 1e-9);
        assertEquals(4.5, m.earnedFromChargingEur(), 1e-9);
    }

    @Test
    void aBadPriceListIsRefusedNamingTheEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Prices.parseBands("grid.price.eur.kwh", new String[]{"F1=0.30", "F2=abc", "F3=0.2"}));
        assertTrue(e.getMessage().contains("'F2=abc'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Prices.parseBands("grid.price.eur.kwh", new String[]{"F1=0.30", "F3=0.2"}));
        assertTrue(e.getMessage().contains("F2 is missing"), e.getMessage());
    }
}
