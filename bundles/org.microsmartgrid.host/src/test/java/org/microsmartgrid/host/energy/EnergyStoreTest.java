package org.microsmartgrid.host.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.host.energy.BandSplitTest.ARERA;
import static org.microsmartgrid.host.energy.BandSplitTest.rome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.tariff.TariffBand;

class EnergyStoreTest {
    @TempDir
    Path dir;

    @Test
    void whatIsSavedIsReadBackAndNoTemporaryFileIsLeft() throws Exception {
        EnergyLedger l = new EnergyLedger(ARERA, 100_000);
        l.record("grid/EXPORT_ENERGY", Flow.GRID_EXPORT, 5, rome("2026-06-20T12:00"));
        l.record("grid/EXPORT_ENERGY", Flow.GRID_EXPORT, 1205, rome("2026-06-20T13:00"));
        EnergyStore store = new EnergyStore(dir.resolve("data/energy.json"));
        store.save(l.state());
        store.save(l.state()); // replacing works too

        EnergyLedger back = new EnergyLedger(ARERA, 100_000);
        back.restore(store.load().orElseThrow());
        LocalDate day = LocalDate.of(2026, 6, 20);
        assertEquals(1200, back.totals(day, day).wh(Flow.GRID_EXPORT, TariffBand.F2), 1e-9); // a Saturday
        assertEquals(l.state().counters(), back.state().counters());
        try (var files = Files.list(dir.resolve("data"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void noFileIsAnEmptyLedger() throws Exception {
        assertTrue(new EnergyStore(dir.resolve("energy.json")).load().isEmpty());
    }

    @Test
    void aFileThatIsNotALedgerIsRefusedSayingWhy() throws Exception {
        Path f = dir.resolve("energy.json");
        Files.writeString(f, "{\"format\":1,\"counters\":{},\"days\":{\"2026-01-01\":{\"PV\":[1,2]}}}", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> new EnergyStore(f).load());
        assertTrue(e.getMessage().contains("3 bands expected"), e.getMessage());
        Files.writeString(f, "not json {", StandardCharsets.UTF_8);
        e = assertThrows(IOException.class, () -> new EnergyStore(f).load());
        assertTrue(e.getMessage().contains("is not an energy ledger"), e.getMessage());
        assertFalse(Files.readString(f).isEmpty(), "the file is left for a person to look at");
    }
}
