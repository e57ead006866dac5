package org.microsmartgrid.api.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.ChargingSessions;
import org.microsmartgrid.api.charging.FleetTrip;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.control.PowerCap;
import org.microsmartgrid.api.control.SocketHold;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayState;

/**
 * The rules the API's value types enforce on whoever builds them (a driver, the loop, a cloud handler): a value that
 * breaks one is refused where it is made, with a message that says which rule, instead of travelling on.
 */
class ApiRecordRulesTest {
    static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aRelayCommandNamesItsSourceAnOnHasALeaseAndOnlyAnOffIsASafetyCommand() {
        assertThrows(IllegalArgumentException.class, () -> RelayCommand.on(" ", Duration.ofSeconds(1)));
        IllegalArgumentException noLease = assertThrows(IllegalArgumentException.class,
                () -> RelayCommand.on("balancer", Duration.ZERO));
        assertTrue(noLease.getMessage().contains("lease"), noLease.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RelayCommand(true, "x", Duration.ofSeconds(1), true));
        assertTrue(RelayCommand.safetyOff("balancer").safety());
        assertFalse(RelayCommand.off("console").on());
    }

    @Test
    void aRelayIsClosedByItsFeedbackWhenWiredElseByItsOutput() {
        assertTrue(new RelayState("r", 1, true, true, null, null, T, "b", null).closed());
        assertFalse(new RelayState("r", 1, true, true, false, null, T, "b", null).closed(), "a welded-open contactor");
        assertTrue(new RelayState("r", 1, false, false, true, null, T, "b", null).closed(), "a welded-shut contactor");
    }

    @Test
    void aSampleIsAFiniteNumberWithItsTime() {
        assertThrows(IllegalArgumentException.class, () -> new Sample(Double.NaN, T));
        assertThrows(IllegalArgumentException.class, () -> new Sample(Double.POSITIVE_INFINITY, T));
        assertThrows(IllegalArgumentException.class, () -> new Sample(1, null));
    }

    @Test
    void aReadingGivesValuesOnlyWhenGoodAndCannotBeChangedByItsMaker() {
        Map<Channel, Sample> values = new EnumMap<>(Channel.class);
        values.put(Channel.ACTIVE_POWER, new Sample(230, T));
        MeterReading good = new MeterReading("m", MeterRole.GRID, 0, Quality.GOOD, T, values, null);
        values.put(Channel.ACTIVE_POWER, new Sample(-99_999, T));
        assertEquals(230, good.good(Channel.ACTIVE_POWER).orElseThrow(), "copied when made");
        assertTrue(good.good(Channel.FREQUENCY).isEmpty());
        MeterReading stale = new MeterReading("m", MeterRole.GRID, 0, Quality.STALE, T, good.values(), "old");
        assertTrue(stale.good(Channel.ACTIVE_POWER).isEmpty(), "a stale value is never handed out as good");
        assertFalse(MeterReading.none("m", MeterRole.PV, 0, T).isGood());
    }

    @Test
    void aCapIsPositiveFiniteWithItsTimesAndActor() {
        assertThrows(IllegalArgumentException.class, () -> new PowerCap(0, T, "bms", T));
        assertThrows(IllegalArgumentException.class, () -> new PowerCap(Double.NaN, T, "bms", T));
        assertThrows(IllegalArgumentException.class, () -> new PowerCap(Double.POSITIVE_INFINITY, T, "bms", T));
        assertThrows(IllegalArgumentException.class, () -> new PowerCap(1000, T, "", T));
        PowerCap cap = new PowerCap(1000, T.plusSeconds(60), "bms", T);
        assertTrue(cap.activeAt(T.plusSeconds(59)));
        assertFalse(cap.activeAt(T.plusSeconds(60)), "ends at its end");
    }

    @Test
    void aHoldIsOnARealSocketBySomeoneForAWindowThatEndsAfterItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new SocketHold(0, true, "anna", T, T.plusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new SocketHold(1, true, " ", T, T.plusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new SocketHold(1, true, "anna", T, T));
        assertFalse(new SocketHold(1, true, "anna", T, T.plusSeconds(1)).activeAt(T.plusSeconds(1)));
    }

    @Test
    void aSessionHasWhatItNeedsAndAPlannedOneHasATargetAndADeadline() {
        UUID id = UUID.randomUUID();
        assertThrows(IllegalArgumentException.class, () -> new ChargingSession(id, 0, ChargingMode.NOW, 0, null, T,
                null, 0, 0, 0, null, "token:x"));
        assertThrows(IllegalArgumentException.class, () -> new ChargingSession(id, 1, ChargingMode.SOLAR_AND_CHEAP, 0,
                null, T, null, 0, 0, 0, null, "token:x"), "a driver's plan without a target");
        // plugged in: the socket's configured mode, target and deadline are the balancer's, not the session's
        assertTrue(new ChargingSession(id, 1, ChargingMode.SOLAR_AND_CHEAP, 0, null, T, null, 0, 0, 0, null,
                ChargingSessions.PLUG).open());
    }

    @Test
    void aTripNeverReturnsBeforeItLeft() {
        UUID id = UUID.randomUUID();
        assertThrows(IllegalArgumentException.class,
                () -> new FleetTrip(id, "bike", 1, T, T.minusSeconds(1), null, 0, false));
        FleetTrip out = new FleetTrip(id, "bike", 1, T, null, null, 0, false);
        assertTrue(out.out());
        assertTrue(out.duration().isEmpty());
        assertEquals(Duration.ofMinutes(90), new FleetTrip(id, "bike", 1, T, T.plus(Duration.ofMinutes(90)), null, 0,
                false).duration().orElseThrow());
    }

    @Test
    void aKuraRequestReadsItsResourcesAndMetricsSafely() {
        KuraRequest r = new KuraRequest("CITY-V1", KuraRequest.EXEC, List.of("door"),
                Map.of("code", "12345678".getBytes(), "n", 3), null, "req-1", "city");
        assertEquals("door", r.resource(0).orElseThrow());
        assertTrue(r.resource(1).isEmpty());
        assertEquals("12345678", r.metric("code").orElseThrow(), "a byte-array metric reads as text");
        assertEquals("3", r.metric("n").orElseThrow());
        assertEquals(0, r.body().length, "no body is an empty body");
    }
}
