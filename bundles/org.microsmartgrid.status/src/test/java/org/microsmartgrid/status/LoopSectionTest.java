package org.microsmartgrid.status;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.BatteryHour;
import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.PowerSource;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SessionMode;
import org.microsmartgrid.api.control.SocketAllocation;
import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.storage.BatteryResult;
import org.microsmartgrid.api.tariff.TariffBand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopSectionTest {
    static final Instant CYCLE_AT = Instant.parse("2025-03-01T10:15:30.750Z");

    static SocketAllocation waitingInRotation() {
        return new SocketAllocation(3, false, SocketReason.WAITING_ROTATION, "turn of socket 1 in rotation", false, PriorityClass.PUBLIC,
                SessionMode.SOLAR_ONLY, PowerSource.SURPLUS, 180, null, null);
    }

    static SocketAllocation chargingWheelchair() {
        return new SocketAllocation(1, true, SocketReason.CHARGING_NOW, "charging (mode now)", false, PriorityClass.MOBILITY_AID, SessionMode.NOW,
                PowerSource.GRID, 145.5, RelayResult.Outcome.APPLIED, null);
    }

    /** A 3 kW home at noon on a weekday: socket 3 listed before socket 1, as a provider may list them. */
    static LoopDecision normalCycle() {
        return new LoopDecision(CYCLE_AT, 4711, false, null, 2875.25, 3200, 324.75, 0, 144.75, 3055.25, -250, TariffBand.F1,
                false, false, List.of(waitingInRotation(), chargingWheelchair()));
    }

    @Test
    void theBatterysAnswerIsShownWhenABatteryIsUnderControl() {
        LoopDecision d = normalCycle();
        LoopDecision withBattery = new LoopDecision(d.at(), d.cycle(), d.safeState(), d.safeStateWhy(), d.gridW(),
                d.limitW(), d.headroomW(), d.surplusW(), d.spareW(), d.predictedImportW(), -3000, d.band(),
                d.cheapNow(), d.shed(), d.sockets(), BatteryResult.Outcome.CLAMPED, "charge limited to 2500 W");
        JsonObject json = LoopSection.toJson(new Fakes.FakeLoop(withBattery)).getAsJsonObject();
        assertEquals("CLAMPED", json.get("batteryOutcome").getAsString());
        assertEquals("charge limited to 2500 W", json.get("batteryDetail").getAsString());
    }

    @Test
    void theBatterysHoursShowTheirPriceAndMoneyAndAFailedPriceListSaysWhy() {
        LoopDecision d = normalCycle();
        Instant h = Instant.parse("2026-12-07T17:00:00Z");
        LoopDecision trading = new LoopDecision(d.at(), d.cycle(), false, null, d.gridW(), d.limitW(), d.headroomW(),
                0, d.spareW(), d.predictedImportW(), 1900, TariffBand.F1, false, false, d.sockets(), BatteryResult.Outcome.APPLIED, null, "SELL",
                null, "BANDS", "price file /etc/pun.csv is missing", List.of(
                        new BatteryHour(h, 200.0, "PUN", "SELL", 2000, 0, 1500, 0.4),
                        new BatteryHour(h.plusSeconds(3600), null, "BANDS", "SELL", 100, 0, 0, null)));
        JsonObject json = LoopSection.toJson(new Fakes.FakeLoop(trading)).getAsJsonObject();
        assertEquals("SELL", json.get("trade").getAsString());
        assertEquals("BANDS", json.get("priceSource").getAsString());
        assertTrue(json.get("priceEurMWh").isJsonNull());
        assertEquals("price file /etc/pun.csv is missing", json.get("priceProblem").getAsString());
        JsonObject first = json.getAsJsonArray("batteryHours").get(0).getAsJsonObject();
        assertEquals("2026-12-07T17:00:00Z", first.get("hour").getAsString());
        assertEquals(0.4, first.get("valueEur").getAsDouble(), 1e-9);
        assertEquals(1500, first.get("exportedWh").getAsDouble(), 1e-9);
        assertTrue(json.getAsJsonArray("batteryHours").get(1).getAsJsonObject().get("valueEur").isJsonNull());
    }

    @Test
    void theLastDecisionShowsThePowerBalanceWithItsFigures() {
        JsonObject json = LoopSection.toJson(new Fakes.FakeLoop(normalCycle())).getAsJsonObject();

        assertEquals(List.of("at", "cycle", "safeState", "safeStateWhy", "gridW", "limitW", "headroomW", "surplusW",
                "spareW", "predictedImportW", "batterySetpointW", "band", "cheapNow", "trade", "priceEurMWh",
                "priceSource", "priceProblem", "batteryHours", "shed", "sockets"),
                new ArrayList<>(json.keySet()), "every field present, in a stable order");
        assertEquals("2025-03-01T10:15:30.750Z", json.get("at").getAsString());
        assertEquals(4711, json.get("cycle").getAsLong());
        assertFalse(json.get("safeState").getAsBoolean());
        assertTrue(json.get("safeStateWhy").isJsonNull());
        assertEquals(2875.25, json.get("gridW").getAsDouble());
        assertEquals(3200, json.get("limitW").getAsDouble());
        assertEquals(324.75, json.get("headroomW").getAsDouble());
        assertEquals(0, json.get("surplusW").getAsDouble());
        assertEquals(144.75, json.get("spareW").getAsDouble());
        assertEquals(3055.25, json.get("predictedImportW").getAsDouble());
        assertEquals(-250, json.get("batterySetpointW").getAsDouble(), "negative: the battery charges");
        assertEquals("F1", json.get("band").getAsString());
        assertFalse(json.get("cheapNow").getAsBoolean());
        assertFalse(json.get("shed").getAsBoolean());
    }

    @Test
    void eachSocketShowsItsAllocationAndWhyOrderedBySocket() {
        JsonArray sockets = LoopSection.toJson(normalCycle()).getAsJsonArray("sockets");

        assertEquals(2, sockets.size());
        JsonObject first = sockets.get(0).getAsJsonObject();
        assertEquals(List.of("socket", "on", "reason", "text", "safety", "priority", "mode", "source", "drawW",
                "relayOutcome", "relayDetail"), new ArrayList<>(first.keySet()));
        assertEquals(1, first.get("socket").getAsInt());
        assertTrue(first.get("on").getAsBoolean());
        assertEquals("CHARGING_NOW", first.get("reason").getAsString());
        assertEquals("charging (mode now)", first.get("text").getAsString());
        assertFalse(first.get("safety").getAsBoolean());
        assertEquals("MOBILITY_AID", first.get("priority").getAsString());
        assertEquals("NOW", first.get("mode").getAsString());
        assertEquals("GRID", first.get("source").getAsString());
        assertEquals(145.5, first.get("drawW").getAsDouble());
        assertEquals("APPLIED", first.get("relayOutcome").getAsString());
        assertTrue(first.get("relayDetail").isJsonNull());

        JsonObject waiting = sockets.get(1).getAsJsonObject();
        assertEquals(3, waiting.get("socket").getAsInt());
        assertFalse(waiting.get("on").getAsBoolean());
        assertEquals("turn of socket 1 in rotation", waiting.get("text").getAsString());
        assertEquals("SOLAR_ONLY", waiting.get("mode").getAsString());
        assertTrue(waiting.get("relayOutcome").isJsonNull(), "no command sent to an idle socket that is off");
    }

    @Test
    void inTheSafeStateUnknownPowersAreNullAndTheSafetyOffSaysWhy() {
        SocketAllocation off = new SocketAllocation(2, false, SocketReason.SAFE_STATE_GRID, "safe state: grid meter silent for 1.2 s",
                true, PriorityClass.PRIVATE, SessionMode.NOW, PowerSource.GRID, 2300, RelayResult.Outcome.DEFERRED, "minimum on-time until 10:16:00");
        LoopDecision safe = new LoopDecision(CYCLE_AT, 12, true, "grid meter silent for 1.2 s", null, 3200, null, 0,
                null, null, 0, TariffBand.F3, true, false, List.of(off));

        JsonObject json = LoopSection.toJson(new Fakes.FakeLoop(safe)).getAsJsonObject();

        assertTrue(json.get("safeState").getAsBoolean());
        assertEquals("grid meter silent for 1.2 s", json.get("safeStateWhy").getAsString());
        for (String unknown : List.of("gridW", "headroomW", "spareW", "predictedImportW"))
            assertTrue(json.has(unknown) && json.get(unknown).isJsonNull(), unknown);
        assertEquals(3200, json.get("limitW").getAsDouble(), "the limit is configuration: always known");
        assertTrue(json.get("cheapNow").getAsBoolean());
        JsonObject socket = json.getAsJsonArray("sockets").get(0).getAsJsonObject();
        assertTrue(socket.get("safety").getAsBoolean());
        assertEquals("DEFERRED", socket.get("relayOutcome").getAsString());
        assertEquals("minimum on-time until 10:16:00", socket.get("relayDetail").getAsString());
    }

    @Test
    void aDecisionThatShedShowsIt() {
        SocketAllocation shedSocket = new SocketAllocation(4, false, SocketReason.SHED_GRID_LIMIT,
                "shed: grid limit (import 3600 W > limit 3200 W)", true, PriorityClass.PRIVATE, SessionMode.NOW, PowerSource.GRID, 900, RelayResult.Outcome.APPLIED, null);
        LoopDecision shed = new LoopDecision(CYCLE_AT, 99, false, null, 3600.0, 3200, -400.0, 0, 200.0, 2700.0, 0,
                TariffBand.F2, false, true, List.of(shedSocket));

        JsonObject json = LoopSection.toJson(shed);

        assertTrue(json.get("shed").getAsBoolean());
        assertEquals(-400, json.get("headroomW").getAsDouble(), "negative: over the limit");
        assertEquals("SHED_GRID_LIMIT", json.getAsJsonArray("sockets").get(0).getAsJsonObject().get("reason").getAsString());
    }

    @Test
    void withoutALoopServiceTheSectionIsNull() {
        assertTrue(LoopSection.toJson((ControlLoopStatus) null).isJsonNull(),
                "commissioning: the balancer has no configuration yet");
    }

    @Test
    void beforeTheFirstCycleOrWhileTheServiceGoesAwayTheSectionIsNullNotAnError() {
        assertTrue(LoopSection.toJson(new Fakes.FakeLoop(null)).isJsonNull());
        assertTrue(LoopSection.toJson(new Fakes.GoneLoop()).isJsonNull());
    }

    @Test
    void theDocumentCarriesTheLoopBetweenRelaysAndHealth() {
        ModuleSection module = new ModuleSection("0.1.0", "felix", "17", CYCLE_AT);
        JsonObject withLoop = StatusReport.build(CYCLE_AT, module, List.of(), List.of(),
                new Fakes.FakeLoop(normalCycle()), List.of(), List.of());
        JsonObject withoutLoop = StatusReport.build(CYCLE_AT, module, List.of(), List.of(), null, List.of(), List.of());

        assertEquals(List.of("schema", "generatedAt", "module", "meters", "relays", "loop", "sessions", "trips",
                "health"),
                new ArrayList<>(withLoop.keySet()));
        assertEquals(4711, withLoop.getAsJsonObject("loop").get("cycle").getAsLong());
        assertTrue(withoutLoop.has("loop") && withoutLoop.get("loop").isJsonNull(), "present and null, never missing");
    }
}
