package org.microsmartgrid.telemetry;

import org.microsmartgrid.api.site.SiteView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.charging.FleetTrip;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.PowerCap;
import org.microsmartgrid.api.control.PowerSource;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SessionMode;
import org.microsmartgrid.api.control.SocketAllocation;
import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.relay.RelayState;
import org.microsmartgrid.api.storage.BatteryResult;
import org.microsmartgrid.api.tariff.TariffBand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelemetryPublisherTest {

    private static final Instant T = Instant.parse("2026-06-10T10:00:00Z");

    /** What the sink got. */
    record Sent(String resource, MessageClass kind, Map<String, Object> metrics) {
    }

    static final class RecordingSink implements MessageSink {
        final List<Sent> sent = new ArrayList<>();
        final Set<String> keys = new HashSet<>();

        public void sendAll(List<MessageSink.Outgoing> messages) {
            for (MessageSink.Outgoing m : messages) sent.add(new Sent(m.resource(), m.kind(), m.metrics()));
        }

        public boolean sendOnce(String key, String resource, MessageClass kind, long at, Map<String, Object> metrics) {
            if (!keys.add(key)) return false;
            sent.add(new Sent(resource, kind, metrics));
            return true;
        }

        List<Sent> on(String resource) {
            return sent.stream().filter(s -> s.resource().equals(resource)).toList();
        }
    }

    private static MeterReading meter(String id, MeterRole role, int socket, Quality q, Map<Channel, Double> values) {
        Map<Channel, Sample> v = new java.util.EnumMap<>(Channel.class);
        values.forEach((c, x) -> v.put(c, new Sample(x, T)));
        return new MeterReading(id, role, socket, q, T, v, q == Quality.GOOD ? null : "silent");
    }

    private static SocketAllocation alloc(int socket, SocketReason reason) {
        return new SocketAllocation(socket, false, reason, reason.name(), false, PriorityClass.PUBLIC, SessionMode.NOW, PowerSource.GRID, 0, null, null);
    }

    private static LoopDecision decision(boolean safe, SocketAllocation... sockets) {
        return new LoopDecision(T, 1, safe, safe ? "grid meter FAILED" : null, safe ? null : 1000.0, 3200,
                safe ? null : 2200.0, 0, null, null, 0, TariffBand.F1, false, false, List.of(sockets));
    }

    private static RelayState relay(int socket, boolean on, String fault) {
        return new RelayState("r" + socket, socket, on, on, null, fault, T, "balancer", null);
    }

    private SiteView view(Optional<LoopDecision> d, Map<Integer, ChargingSession> sessions, Map<Integer, String> disabled,
                          RelayState... relays) {
        List<MeterReading> meters = List.of(
                meter("grid", MeterRole.GRID, 0, Quality.GOOD, Map.of(Channel.ACTIVE_POWER, 1000.0,
                        Channel.IMPORT_ENERGY, 5_000.0, Channel.EXPORT_ENERGY, 1_250.0)),
                meter("pv", MeterRole.PV, 0, Quality.GOOD, Map.of(Channel.ACTIVE_POWER, 2000.0)),
                meter("s1", MeterRole.SOCKET, 1, Quality.GOOD, Map.of(Channel.ACTIVE_POWER, 700.0,
                        Channel.IMPORT_ENERGY, 12_345.0)),
                meter("s2", MeterRole.SOCKET, 2, Quality.FAILED, Map.of(Channel.ACTIVE_POWER, 50.0)));
        return new SiteView(T, meters, List.of(relays), d, sessions, disabled,
                Optional.of(new PowerCap(2500, T.plusSeconds(600), "coap:bms", T)));
    }

    @Test
    void theSiteMessageHasThePowerFlowsAndLeavesOutWhatIsNotKnown() {
        SiteView v = view(Optional.of(decision(false)), Map.of(), Map.of(), relay(1, true, null));
        Map<String, Object> site = TelemetryMessages.site(v);
        assertEquals(1000.0, site.get("grid_w"));
        assertEquals(2000.0, site.get("pv_w"));
        assertEquals(5_000.0, site.get("grid_import_wh"), "the grid meter's import counter");
        assertEquals(1_250.0, site.get("grid_export_wh"), "the grid meter's export counter");
        assertEquals(700.0, site.get("sockets_w"), "the FAILED socket meter counts for nothing");
        assertEquals(2300.0, site.get("building_w"), "grid + PV − sockets");
        assertEquals(3200.0, site.get("limit_w"));
        assertEquals(2200.0, site.get("headroom_w"));
        assertEquals(2500.0, site.get("cap_w"));
        assertFalse(site.containsKey("battery_w"), "no battery meter: no battery metric");

        Map<String, Object> s2 = TelemetryMessages.socket(v, 2);
        assertFalse(s2.containsKey("power_w"), "a FAILED meter's last value is not sent as if it were current");
        assertEquals(12_345.0, TelemetryMessages.socket(v, 1).get("energy_wh"));
    }

    @Test
    void aReservedSocketIsReservedForTheCityEvenWithAWalkUpPlugOnIt() {
        SocketAllocation reserved = new SocketAllocation(2, false, SocketReason.RESERVED, "reserved for fleet:bike-7 until 18:00:00",
                false, PriorityClass.PUBLIC, SessionMode.NOW, PowerSource.GRID, 0, RelayResult.Outcome.APPLIED, null);
        ChargingSession walkUp = new ChargingSession(UUID.randomUUID(), 2, ChargingMode.NOW, 0, null, T, null, 0, 0, 0,
                null, "plug", null);
        SiteView v = view(Optional.of(decision(false, reserved)), Map.of(2, walkUp), Map.of(), relay(2, false, null));
        assertEquals(SocketStatus.RESERVED, TelemetryMessages.statuses(v).get(2));
        assertEquals(false, TelemetryMessages.socket(v, 2).get("available"));
    }

    @Test
    void theSiteMessageCarriesTheBatterysTradeAndTheMoneyOfTheHourAndOfTheLastHour() {
        LoopDecision d = decision(false);
        Instant h17 = Instant.parse("2026-12-07T17:00:00Z");
        LoopDecision trading = new LoopDecision(d.at(), d.cycle(), false, null, d.gridW(), d.limitW(), d.headroomW(),
                0, d.spareW(), d.predictedImportW(), 1900, TariffBand.F1, false, false, List.of(), BatteryResult.Outcome.APPLIED, null, "SELL", 210.0,
                "PUN", null, List.of(
                        new org.microsmartgrid.api.control.BatteryHour(h17, 180.0, "PUN", "SELL", 2000, 0, 1500, 0.36),
                        new org.microsmartgrid.api.control.BatteryHour(h17.plusSeconds(3600), 210.0, "PUN", "SELL", 500,
                                0, 400, 0.105)));
        Map<String, Object> site = TelemetryMessages.site(view(Optional.of(trading), Map.of(), Map.of()));
        assertEquals("SELL", site.get("trade"));
        assertEquals(210.0, site.get("price_eur_mwh"));
        assertEquals("PUN", site.get("price_source"));
        assertEquals(1900.0, site.get("battery_setpoint_w"));
        assertEquals(0.105, site.get("battery_hour_value_eur"));
        assertEquals(h17.toEpochMilli(), site.get("battery_last_hour_start"));
        assertEquals(1500.0, site.get("battery_last_hour_exported_wh"));
        assertEquals(0.36, site.get("battery_last_hour_value_eur"));
        assertFalse(site.containsKey("price_problem"));
        assertFalse(TelemetryMessages.site(view(Optional.of(decision(false)), Map.of(), Map.of())).containsKey("trade"),
                "no battery: no trading metrics");
    }

    @Test
    void availabilityFollowsRelaysSessionsTheLoopAndSiteControl() {
        ChargingSession open = new ChargingSession(UUID.randomUUID(), 1, ChargingMode.NOW, 0, null, T, null, 10, 0, 0,
                null, "token:abcd1234");
        SiteView v = view(Optional.of(decision(false, alloc(3, SocketReason.SOCKET_METER_LOST))), Map.of(1, open),
                Map.of(4, "coap:bms"), relay(1, true, null), relay(2, false, "stuck contact"), relay(3, false, null),
                relay(4, false, null), relay(5, false, null));
        Map<Integer, SocketStatus> s = TelemetryMessages.statuses(v);
        assertEquals(SocketStatus.CHARGING, s.get(1));
        assertEquals(SocketStatus.OUTOFORDER, s.get(2));
        assertEquals(SocketStatus.OUTOFORDER, s.get(3));
        assertEquals(SocketStatus.INOPERATIVE, s.get(4));
        assertEquals(SocketStatus.AVAILABLE, s.get(5));

        SiteView safe = view(Optional.of(decision(true)), Map.of(), Map.of(), relay(5, false, null));
        assertEquals(SocketStatus.INOPERATIVE, TelemetryMessages.statuses(safe).get(5));
    }

    @Test
    void anAvailabilityChangeIsAnEventAtOnceAndOnlyOnce() {
        RecordingSink sink = new RecordingSink();
        SiteView[] now = {view(Optional.empty(), Map.of(), Map.of(), relay(1, false, null))};
        TelemetryPublisher p = new TelemetryPublisher(() -> now[0], List::of, sink, Clock.fixed(T, ZoneOffset.UTC),
                Duration.ZERO, Duration.ZERO);
        p.checkChanges(now[0]);
        assertEquals(1, eventsOf(sink, 1).size(), "the first look tells the initial status");
        assertEquals("UNKNOWN", eventsOf(sink, 2).get(0).metrics().get("status"), "socket 2 has a meter, no relay");
        p.checkChanges(now[0]);
        assertEquals(1, eventsOf(sink, 1).size(), "no change, no event");

        now[0] = view(Optional.empty(), Map.of(), Map.of(1, "kapua:tech"), relay(1, false, null));
        p.checkChanges(now[0]);
        List<Sent> events = eventsOf(sink, 1);
        assertEquals(2, events.size());
        assertEquals("INOPERATIVE", events.get(1).metrics().get("status"));
        assertEquals("AVAILABLE", events.get(1).metrics().get("previous"));
        assertEquals(MessageClass.EVENT, events.get(1).kind());
    }

    /** A stop closes meters and opens relays one bundle at a time: none of that reaches the map; sessions still do. */
    @Test
    void aStoppingModuleSaysNothingMoreOfItsSocketsButStillRecordsItsSessions() {
        RecordingSink sink = new RecordingSink();
        List<ChargingSession> sessions = new ArrayList<>();
        SiteView[] now = {view(Optional.empty(), Map.of(), Map.of(), relay(1, false, null))};
        TelemetryPublisher p = new TelemetryPublisher(() -> now[0], () -> List.copyOf(sessions), sink,
                Clock.fixed(T, ZoneOffset.UTC), Duration.ZERO, Duration.ZERO);
        p.checkChanges(now[0]);
        assertEquals(1, eventsOf(sink, 1).size());
        int before = sink.sent.size();

        p.quiet();
        now[0] = view(Optional.empty(), Map.of(), Map.of(1, "kapua:tech"), relay(1, false, null)); // a change
        p.checkChanges(now[0]);
        sessions.add(new ChargingSession(UUID.randomUUID(), 1, ChargingMode.NOW, 0, null, T, T.plusSeconds(60), 10, 0,
                0, "STOPPED", "plug"));
        p.tick();
        assertEquals(1, eventsOf(sink, 1).size(), "no availability event once stopping");
        assertEquals(List.of("sessions"), sink.sent.subList(before, sink.sent.size()).stream().map(Sent::resource).toList(),
                "only the session the stop ended, no site or socket message");
    }

    private static List<Sent> eventsOf(RecordingSink sink, int socket) {
        return sink.on("events/availability").stream().filter(e -> e.metrics().get("socket").equals(socket)).toList();
    }

    @Test
    void sessionRecordsAreSentOnceWhenOpenedAndOnceWhenClosedWithoutTheToken() {
        RecordingSink sink = new RecordingSink();
        UUID id = UUID.randomUUID();
        List<ChargingSession> sessions = new ArrayList<>();
        sessions.add(new ChargingSession(id, 2, ChargingMode.SOLAR_ONLY, 0, null, T, null, 0, 0, 0, null,
                "token:abcd1234"));
        TelemetryPublisher p = new TelemetryPublisher(
                () -> view(Optional.empty(), Map.of(), Map.of()), () -> List.copyOf(sessions), sink,
                Clock.fixed(T.plusSeconds(3600), ZoneOffset.UTC));
        p.exportSessions();
        p.exportSessions();
        assertEquals(1, sink.on("sessions").size());
        assertEquals("OPEN", sink.on("sessions").get(0).metrics().get("state"));
        assertEquals("token", sink.on("sessions").get(0).metrics().get("started_by"), "the token's hash stays home");

        sessions.set(0, new ChargingSession(id, 2, ChargingMode.SOLAR_ONLY, 0, null, T, T.plusSeconds(1800), 900, 600,
                0.2, "UNPLUGGED", "token:abcd1234"));
        p.exportSessions();
        p.exportSessions();
        List<Sent> records = sink.on("sessions");
        assertEquals(2, records.size());
        Map<String, Object> closed = records.get(1).metrics();
        assertEquals("CLOSED", closed.get("state"));
        assertEquals(900.0, closed.get("energy_wh"));
        assertEquals(600.0, closed.get("solar_wh"));
        assertEquals("UNPLUGGED", closed.get("end_reason"));
        assertEquals(MessageClass.SESSION, records.get(1).kind());

        sessions.add(new ChargingSession(UUID.randomUUID(), 3, ChargingMode.NOW, 0, null, T.minus(Duration.ofDays(9)),
                T.minus(Duration.ofDays(8)), 1, 0, 0, "UNPLUGGED", "plug"));
        p.exportSessions();
        assertEquals(2, sink.on("sessions").size(), "a session closed 8 days ago is not looked at again");

        sessions.add(new ChargingSession(UUID.randomUUID(), 4, ChargingMode.NOW, 0, null, T, T.plusSeconds(60), 10, 0,
                0, "STOPPED", "plug", "kapua:tech-01"));
        p.exportSessions();
        Map<String, Object> stopped = sink.on("sessions").get(2).metrics();
        assertEquals("STOPPED", stopped.get("end_reason"), "the reason is a code");
        assertEquals("kapua", stopped.get("ended_by"), "who stopped it, in its own field, without the technician's id");
    }

    @Test
    void atStartNothingIsSaidOfASocketUntilTheModuleKnowsIt() {
        RecordingSink sink = new RecordingSink();
        Clock start = Clock.fixed(T.minusSeconds(1), ZoneOffset.UTC);
        SiteView[] now = new SiteView[1];
        TelemetryPublisher p = new TelemetryPublisher(() -> now[0], List::of, sink, start, Duration.ofSeconds(30),
                Duration.ofSeconds(10));
        MeterReading grid = meter("grid", MeterRole.GRID, 0, Quality.GOOD, Map.of(Channel.ACTIVE_POWER, 1000.0));
        MeterReading silent = MeterReading.none("s1", MeterRole.SOCKET, 1, T);
        MeterReading answered = meter("s1", MeterRole.SOCKET, 1, Quality.GOOD, Map.of(Channel.ACTIVE_POWER, 0.0));
        // what a start looks like: no relay yet; then the loop keeps the socket off while its meter has not answered
        now[0] = new SiteView(T, List.of(grid, silent), List.of(), Optional.empty(), Map.of(), Map.of(), Optional.empty());
        p.tick();
        now[0] = new SiteView(T, List.of(grid, silent), List.of(relay(1, false, null)),
                Optional.of(decision(false, alloc(1, SocketReason.SOCKET_METER_LOST))), Map.of(), Map.of(), Optional.empty());
        p.tick();
        assertTrue(sink.on("events/availability").isEmpty(), "neither UNKNOWN nor OUTOFORDER: " + sink.sent);
        assertTrue(sink.on("sockets/1").isEmpty(), "no socket message with a status the module does not know");
        // the meter answers: the first thing the map hears is the truth
        now[0] = new SiteView(T, List.of(grid, answered), List.of(relay(1, false, null)),
                Optional.of(decision(false, alloc(1, SocketReason.NO_SESSION))), Map.of(), Map.of(), Optional.empty());
        p.tick();
        assertEquals(List.of("AVAILABLE"), eventsOf(sink, 1).stream().map(e -> e.metrics().get("status")).toList());
        // later, a meter lost after it answered is out of order once that has lasted 10 s
        p.checkChanges(lost(grid, T.plusSeconds(20)));
        p.checkChanges(lost(grid, T.plusSeconds(29)));
        assertEquals(1, eventsOf(sink, 1).size(), "9 s of a lost meter: not yet");
        p.checkChanges(lost(grid, T.plusSeconds(30)));
        assertEquals("OUTOFORDER", eventsOf(sink, 1).get(1).metrics().get("status"));
    }

    /** A busy CPU ages a meter's values past their limit for a moment: the loop is safe at once, the map not told. */
    @Test
    void aMomentOfALostMeterIsNotToldToTheMap() {
        RecordingSink sink = new RecordingSink();
        TelemetryPublisher p = new TelemetryPublisher(() -> null, List::of, sink, Clock.fixed(T, ZoneOffset.UTC),
                Duration.ZERO, Duration.ofSeconds(10));
        MeterReading grid = meter("grid", MeterRole.GRID, 0, Quality.GOOD, Map.of(Channel.ACTIVE_POWER, 1000.0));
        MeterReading answered = meter("s1", MeterRole.SOCKET, 1, Quality.GOOD, Map.of(Channel.ACTIVE_POWER, 0.0));
        SiteView fine = new SiteView(T, List.of(grid, answered), List.of(relay(1, false, null)),
                Optional.of(decision(false, alloc(1, SocketReason.NO_SESSION))), Map.of(), Map.of(), Optional.empty());
        p.checkChanges(fine);
        for (int s = 1; s <= 9; s++) p.checkChanges(lost(grid, T.plusSeconds(s)));
        p.checkChanges(new SiteView(T.plusSeconds(10), List.of(grid, answered), List.of(relay(1, false, null)),
                Optional.of(decision(false, alloc(1, SocketReason.NO_SESSION))), Map.of(), Map.of(), Optional.empty()));
        p.checkChanges(lost(grid, T.plusSeconds(11))); // a new blip starts its own count
        p.checkChanges(lost(grid, T.plusSeconds(20)));
        assertEquals(List.of("AVAILABLE"), eventsOf(sink, 1).stream().map(e -> e.metrics().get("status")).toList(),
                "two blips of 9 s are not out of order: " + sink.sent);
        p.checkChanges(lost(grid, T.plusSeconds(21)));
        assertEquals(List.of("AVAILABLE", "OUTOFORDER"),
                eventsOf(sink, 1).stream().map(e -> e.metrics().get("status")).toList(), "10 s is");
    }

    private static SiteView lost(MeterReading grid, java.time.Instant at) {
        return new SiteView(at, List.of(grid, meter("s1", MeterRole.SOCKET, 1, Quality.FAILED, Map.of())),
                List.of(relay(1, false, null)), Optional.of(decision(false, alloc(1, SocketReason.SOCKET_METER_LOST))), Map.of(),
                Map.of(), Optional.empty());
    }

    @Test
    void aMeterDeadFromTheStartIsReportedOnceTheGraceIsOver() {
        RecordingSink sink = new RecordingSink();
        TelemetryPublisher p = new TelemetryPublisher(() -> null, List::of, sink,
                Clock.fixed(T.minusSeconds(31), ZoneOffset.UTC), Duration.ofSeconds(30), Duration.ofSeconds(10));
        for (int s = 0; s <= 10; s += 10)
            p.checkChanges(new SiteView(T.plusSeconds(s), List.of(MeterReading.none("s1", MeterRole.SOCKET, 1, T)),
                    List.of(relay(1, false, null)), Optional.of(decision(false, alloc(1, SocketReason.SOCKET_METER_LOST))),
                    Map.of(), Map.of(), Optional.empty()));
        assertEquals("OUTOFORDER", eventsOf(sink, 1).get(0).metrics().get("status"));
    }

    @Test
    void aPeriodicRoundSendsTheSiteAndEverySocket() {
        RecordingSink sink = new RecordingSink();
        TelemetryPublisher p = new TelemetryPublisher(
                () -> view(Optional.empty(), Map.of(), Map.of(), relay(1, true, null), relay(2, false, null)),
                List::of, sink, Clock.fixed(T, ZoneOffset.UTC), Duration.ZERO, Duration.ZERO);
        p.tick();
        assertEquals(1, sink.on("site").size());
        assertTrue(sink.on("sockets/1").size() >= 1);
        assertTrue(sink.on("sockets/2").size() >= 1);
        assertTrue(sink.sent.stream().filter(s -> s.resource().startsWith("site") || s.resource().startsWith("sockets"))
                .allMatch(s -> s.kind() == MessageClass.TELEMETRY));
    }

    @Test
    void aFleetTripIsSentWhenItLeavesReturnsAndIsChargedEachOnce() {
        RecordingSink sink = new RecordingSink();
        UUID id = UUID.randomUUID();
        List<FleetTrip> trips = new ArrayList<>();
        trips.add(new FleetTrip(id, "bike-7", 2, T, null, null, 0, false));
        TelemetryPublisher p = new TelemetryPublisher(() -> view(Optional.empty(), Map.of(), Map.of()), List::of, sink,
                Clock.fixed(T.plusSeconds(7200), ZoneOffset.UTC)).withTrips(() -> List.copyOf(trips));
        p.exportSessions();
        p.exportSessions();
        assertEquals(List.of("OUT"), sink.on("events/trip").stream().map(x -> x.metrics().get("state")).toList());

        UUID back = UUID.randomUUID();
        trips.set(0, new FleetTrip(id, "bike-7", 2, T, T.plusSeconds(5400), back, 120, false));
        p.exportSessions();
        trips.set(0, new FleetTrip(id, "bike-7", 2, T, T.plusSeconds(5400), back, 812.5, true));
        p.exportSessions();
        p.exportSessions();
        List<Sent> sent = sink.on("events/trip");
        assertEquals(List.of("OUT", "RETURNED", "CHARGED"), sent.stream().map(x -> x.metrics().get("state")).toList());
        assertEquals(5400L, sent.get(1).metrics().get("duration_s"));
        assertEquals(812.5, sent.get(2).metrics().get("charged_wh"));
        assertEquals("bike-7", sent.get(2).metrics().get("vehicle"));
        assertEquals(MessageClass.SESSION, sent.get(2).kind(), "a record, not dropped like a status");
    }
}
