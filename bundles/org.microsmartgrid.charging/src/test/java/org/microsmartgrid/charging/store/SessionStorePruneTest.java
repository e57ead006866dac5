package org.microsmartgrid.charging.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.charging.session.Row;

class SessionStorePruneTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    @TempDir
    Path dir;

    private static Row session(Instant started, Instant ended) {
        return new Row(new ChargingSession(UUID.randomUUID(), 1, ChargingMode.NOW, 0, null, started, ended, 100, 0, 0.03,
                ended == null ? null : "UNPLUGGED", "plug"), null);
    }

    @Test
    void oldClosedSessionsGoAndOpenOnesStayHoweverOld() throws Exception {
        try (SessionStore store = SessionStore.open(dir.resolve("sessions").toString())) {
            Instant longAgo = NOW.minus(Duration.ofDays(500));
            store.save(session(longAgo, longAgo.plusSeconds(3600)), true);          // closed 500 days ago: goes
            store.save(session(longAgo, null), true);                                // still open: stays
            store.save(session(NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(10))), true); // recent
            assertEquals(1, store.prune(NOW.minus(Duration.ofDays(400))));
            assertEquals(2, store.recent(10).size());
            assertEquals(1, store.openRows().size());
        }
    }
}
