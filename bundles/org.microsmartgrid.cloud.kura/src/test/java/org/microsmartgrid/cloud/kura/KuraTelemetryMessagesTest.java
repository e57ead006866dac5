package org.microsmartgrid.cloud.kura;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.kura.message.KuraPayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.charging.ChargingMode;
import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.control.BatteryHour;
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
import org.microsmartgrid.api.relay.RelayState;
import org.microsmartgrid.api.storage.BatteryResult;
import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.telemetry.MessageSink;
import org.microsmartgrid.api.site.SiteView;
import org.microsmartgrid.telemetry.TelemetryPublisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The module's telemetry through a CloudPublisher with Kura's signature (configured as docs/kura-gateway.md says):
 * the channels, metrics and metric types are those docs/cloud-telemetry.md promises, read from that document.
 */
class KuraTelemetryMessagesTest {

    private static final Instant T = Instant.parse("2026-06-10T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T.plusSeconds(60), ZoneOffset.UTC);

    @TempDir
    Path data;

    private final FakeCloudPublisher kura = new FakeCloudPublisher("msg", "$resource");
    private final UUID sessionId = UUID.randomUUID();
    private final List<ChargingSession> sessions = new ArrayList<>();

    @Test
    void everyMessageHasTheDocumentedChannelMetricsAndTypes() throws Exception {
        sessions.add(openSession());
        TelemetryPublisher telemetry = publisher(SentKeys.open(data.resolve("keys.txt"), CLOCK));
        telemetry.tick();
        telemetry.close();

        Map<String, Map<String, String>> contract = TelemetryContract.read();
        assertTrue(contract.keySet().containsAll(List.of("msg/site", "msg/sockets/{n}", "msg/events/availability",
                "msg/sessions")), "the document was read: " + contract.keySet());
        List<String> problems = new ArrayList<>();
        for (FakeCloudPublisher.Published p : kura.published) {
            String channel = p.channel().replaceFirst("^msg/sockets/\\d+$", "msg/sockets/{n}");
            Map<String, String> promised = contract.get(channel);
            if (promised == null) {
                problems.add(p.channel() + ": not a documented channel");
                continue;
            }
            KuraPayload payload = p.message().getPayload();
            if (payload.getTimestamp() == null) problems.add(p.channel() + ": no timestamp");
            UUID.fromString((String) payload.getMetric(MessageSink.MESSAGE_ID));
            payload.metrics().forEach((name, value) -> {
                String type = promised.get(name);
                if (type == null) problems.add(p.channel() + ": metric " + name + " is not documented");
                else if (!type.equals(TelemetryContract.kuraType(value)))
                    problems.add(p.channel() + ": " + name + " is " + TelemetryContract.kuraType(value) + ", documented " + type);
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        // with every part of the site known, each message carries every metric the document lists for it
        assertEquals(new TreeSet<>(contract.get("msg/site").keySet()), metricsOf("msg/site"));
        assertEquals(new TreeSet<>(contract.get("msg/sockets/{n}").keySet()), metricsOf("msg/sockets/1"));
        assertEquals(withoutEnded(contract.get("msg/sessions")), metricsOf("msg/sessions"),
                "an open session's record: every session metric but ended, end_reason and ended_by");
        assertEquals(T, kura.on("msg/site").get(0).message().getPayload().getTimestamp().toInstant(),
                "the payload's timestamp is the capture time");
        assertEquals(2, kura.on("msg/events/availability").size(), "the first look tells each socket's status");
    }

    @Test
    void aSessionRecordIsPublishedOnceAcrossRoundsAndRestartsWithAnIdFromItsKey() throws Exception {
        sessions.add(openSession());
        Path keys = data.resolve("keys.txt");
        TelemetryPublisher first = publisher(SentKeys.open(keys, CLOCK));
        first.tick();
        first.tick();
        first.close();
        assertEquals(1, kura.on("msg/sessions").size(), "two rounds, one record");
        assertEquals(MessageSink.idOf("session:" + sessionId + ":open").toString(),
                kura.on("msg/sessions").get(0).message().getPayload().getMetric(MessageSink.MESSAGE_ID),
                "the same id our own link gives it: receivers drop the duplicate if both ever send it");

        TelemetryPublisher restarted = publisher(SentKeys.open(keys, CLOCK));
        restarted.tick();
        assertEquals(1, kura.on("msg/sessions").size(), "a restart does not send it again");

        sessions.set(0, closedSession());
        restarted.tick();
        restarted.close();
        List<FakeCloudPublisher.Published> records = kura.on("msg/sessions");
        assertEquals(2, records.size());
        assertEquals("CLOSED", records.get(1).message().getPayload().getMetric("state"));
        assertEquals("token", records.get(1).message().getPayload().getMetric("started_by"),
                "the token stays on the module");
    }

    @Test
    void aRecordKuraRefusesIsPublishedAtTheNextRound() throws Exception {
        sessions.add(openSession());
        TelemetryPublisher telemetry = publisher(SentKeys.open(data.resolve("keys.txt"), CLOCK));
        kura.refuse = true;
        telemetry.tick();
        assertTrue(kura.published.isEmpty());
        kura.refuse = false;
        telemetry.tick();
        telemetry.close();
        assertEquals(1, kura.on("msg/sessions").size(), "refused, then sent once accepted");
        assertFalse(kura.on("msg/site").isEmpty());
    }

    // --- a site where every part is known -------------------------------------------------------------------------

    private TelemetryPublisher publisher(SentKeys keys) {
        return new TelemetryPublisher(this::view, () -> List.copyOf(sessions), new CloudPublisherSink(kura, keys), CLOCK);
    }

    private SiteView view() {
        List<MeterReading> meters = List.of(
                meter("grid", MeterRole.GRID, 0, Map.of(Channel.ACTIVE_POWER, 1000.0, Channel.IMPORT_ENERGY, 5_000_000.0,
                        Channel.EXPORT_ENERGY, 1_200_000.0)),
                meter("pv", MeterRole.PV, 0, Map.of(Channel.ACTIVE_POWER, 2000.0)),
                meter("battery", MeterRole.BATTERY, 0, Map.of(Channel.ACTIVE_POWER, -300.0, Channel.STATE_OF_CHARGE, 55.0)),
                meter("s1", MeterRole.SOCKET, 1, Map.of(Channel.ACTIVE_POWER, 700.0, Channel.IMPORT_ENERGY, 12_345.0)),
                meter("s2", MeterRole.SOCKET, 2, Map.of(Channel.ACTIVE_POWER, 0.0, Channel.IMPORT_ENERGY, 10.0)));
        List<RelayState> relays = List.of(
                new RelayState("r1", 1, true, true, null, null, T, "balancer", null),
                new RelayState("r2", 2, false, false, null, null, T, "balancer", null));
        // a battery selling at the hour's PUN price, with the last hour's totals, while the latest reload of the
        // prices failed (the list loaded before still covers the hour)
        Instant hour = T.minusSeconds(3600);
        LoopDecision decision = new LoopDecision(T, 1, false, null, 1000.0, 3200, 2200.0, 0, null, null, 1500, TariffBand.F1,
                false, false, List.of(alloc(1, SocketReason.CHARGING_SURPLUS), alloc(2, SocketReason.NO_SESSION)), BatteryResult.Outcome.APPLIED, null, "SELL", 210.0,
                "PUN", "feed down: HTTP 503", List.of(new BatteryHour(hour, 180.0, "PUN", "SELL", 2000, 0, 1500, 0.36),
                        new BatteryHour(T, 210.0, "PUN", "SELL", 500, 0, 400, 0.105)));
        Map<Integer, ChargingSession> open = sessions.stream().filter(ChargingSession::open)
                .collect(java.util.stream.Collectors.toMap(ChargingSession::socket, s -> s));
        return new SiteView(T, meters, relays, Optional.of(decision), open, Map.of(),
                Optional.of(new PowerCap(2500, T.plusSeconds(600), "coap:bms", T)));
    }

    private static MeterReading meter(String id, MeterRole role, int socket, Map<Channel, Double> values) {
        Map<Channel, Sample> v = new EnumMap<>(Channel.class);
        values.forEach((c, x) -> v.put(c, new Sample(x, T)));
        return new MeterReading(id, role, socket, Quality.GOOD, T, v, null);
    }

    private static SocketAllocation alloc(int socket, SocketReason reason) {
        return new SocketAllocation(socket, socket == 1, reason, reason.name(), false, PriorityClass.PUBLIC, SessionMode.NOW, PowerSource.GRID, 0, null, null);
    }

    private ChargingSession openSession() {
        return new ChargingSession(sessionId, 1, ChargingMode.NOW, 0, null, T, null, 150, 100, 0.02, null,
                "token:abcd1234");
    }

    private ChargingSession closedSession() {
        return new ChargingSession(sessionId, 1, ChargingMode.NOW, 0, null, T, T.plusSeconds(30), 900, 600, 0.2,
                "UNPLUGGED", "token:abcd1234");
    }

    private TreeSet<String> metricsOf(String channel) {
        List<FakeCloudPublisher.Published> on = kura.on(channel);
        assertNotNull(on.isEmpty() ? null : on, "published on " + channel);
        return new TreeSet<>(on.get(0).message().getPayload().metricNames());
    }

    private static TreeSet<String> withoutEnded(Map<String, String> sessionMetrics) {
        TreeSet<String> names = new TreeSet<>(sessionMetrics.keySet());
        names.removeAll(List.of("ended", "end_reason", "ended_by")); // ended_by: only for a STOPPED session
        return names;
    }
}
