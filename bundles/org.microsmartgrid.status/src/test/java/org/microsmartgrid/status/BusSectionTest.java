package org.microsmartgrid.status;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.meter.BusUsage;
import org.microsmartgrid.api.meter.MeterBus;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusSectionTest {
    private static final BusUsage.PollUsage GRID = new BusUsage.PollUsage("grid", "FAST", true, 250, 251, 26, 120);
    private static final BusUsage.PollUsage SOCKET = new BusUsage.PollUsage("socket-7", "FAST", false, 500, 690, 26, 300);
    private static final BusUsage.PollUsage NEW = new BusUsage.PollUsage("socket-8", "SLOW", false, 10_000, 0, 0, -1);

    private static MeterBus bus(String id, BusUsage usage) {
        return new MeterBus() {
            public String id() {
                return id;
            }

            public BusUsage usage() {
                if (usage == null) throw new IllegalStateException("stopping");
                return usage;
            }
        };
    }

    @Test
    void anOversubscribedLineSaysSoInItalianAndEnglishAndShowsWhatEachMeterGets() {
        BusUsage usage = new BusUsage("rs485", "rs485 (RTU /dev/ttyUSB0 9600 8N1)", 131.4, 99.2, true,
                List.of(GRID, SOCKET, NEW));
        JsonObject json = BusSection.toJson(usage);
        assertEquals("rs485", json.get("id").getAsString());
        assertEquals(131.4, json.get("demandPercent").getAsDouble());
        assertTrue(json.get("oversubscribed").getAsBoolean());
        JsonObject warning = json.getAsJsonObject("warning");
        assertTrue(warning.get("it").getAsString().startsWith("Linea sovraccarica"), warning.toString());
        assertTrue(warning.get("it").getAsString().contains("131 %"));
        assertTrue(warning.get("en").getAsString().contains("Split the line"));
        JsonArray tasks = json.getAsJsonArray("tasks");
        JsonObject socket = tasks.get(1).getAsJsonObject();
        assertEquals("socket-7", socket.get("meter").getAsString());
        assertEquals(500, socket.get("intervalMs").getAsLong());
        assertEquals(690, socket.get("achievedIntervalMs").getAsLong(), "the freshness it really gets");
        assertFalse(socket.get("priority").getAsBoolean());
        assertTrue(tasks.get(0).getAsJsonObject().get("priority").getAsBoolean());
        JsonObject fresh = tasks.get(2).getAsJsonObject();
        assertTrue(fresh.get("achievedIntervalMs").isJsonNull(), "not measured yet: null, not 0");
        assertTrue(fresh.get("sinceLastPollMs").isJsonNull());
    }

    @Test
    void aLineWithRoomHasNoWarningAndBusesComeSortedEvenWhenOneIsGoing() {
        BusUsage fine = new BusUsage("b-line", "tcp 10.0.0.5:502", 42.0, 40.5, false, List.of(GRID));
        JsonArray all = BusSection.toJson(List.of(bus("b-line", fine), bus("a-gone", null)));
        assertEquals(2, all.size());
        JsonObject gone = all.get(0).getAsJsonObject();
        assertEquals("a-gone", gone.get("id").getAsString());
        assertTrue(gone.get("error").getAsString().contains("unavailable"));
        JsonObject b = all.get(1).getAsJsonObject();
        assertFalse(b.get("oversubscribed").getAsBoolean());
        assertTrue(b.get("warning").isJsonNull());
        assertTrue(b.get("error").isJsonNull());
    }
}
