package org.microsmartgrid.status;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModuleSectionTest {
    static final Instant STARTED = Instant.parse("2025-03-01T08:00:00Z");

    @Test
    void uptimeIsGivenAsIsoDurationAndSeconds() {
        ModuleSection module = new ModuleSection("0.1.0", "org.apache.felix.framework 7.0.5", "17.0.15", STARTED);

        JsonObject json = module.toJson(Instant.parse("2025-03-01T10:05:03.900Z"));

        assertEquals("0.1.0", json.get("version").getAsString());
        assertEquals("2025-03-01T08:00:00Z", json.get("startedAt").getAsString());
        assertEquals("PT2H5M3S", json.get("uptime").getAsString());
        assertEquals(7503, json.get("uptimeSeconds").getAsLong());
    }

    @Test
    void aClockSetBackAfterStartDoesNotGiveANegativeUptime() {
        ModuleSection module = new ModuleSection("0.1.0", null, "17", STARTED);

        JsonObject json = module.toJson(STARTED.minusSeconds(3600));

        assertEquals(0, json.get("uptimeSeconds").getAsLong());
        assertEquals("PT0S", json.get("uptime").getAsString());
    }
}
