package org.microsmartgrid.cloud.kapua.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.microsmartgrid.cloud.kapua.CloudLinkSession;
import org.microsmartgrid.telemetry.MessageClass;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.microsmartgrid.telemetry.MessageSink;
import org.microsmartgrid.cloud.kapua.telemetry.OutboxSink;
import org.microsmartgrid.cloud.kapua.testing.EmbeddedBroker;
import org.microsmartgrid.cloud.kapua.testing.TestSources;

/**
 * A load generator, not a test: messages per second through the outbox to a loopback broker (Moquette, in this
 * JVM), against the peer of the same run — Paho publishing the same payloads at QoS 1 with the same in-flight
 * window and no outbox — and the outbox's disk use per thousand messages. Run by
 * target-platform/msg-module/bench/outbox-throughput.sh.
 */
public final class OutboxThroughputBench {

    private static final int WINDOW = 20;
    private static final int ROUND = 5;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Map<String, Object> metrics = socketTelemetry();
        byte[] sample = KuraPayloadCodec.encode(KuraMessage.of(System.currentTimeMillis(), metrics), true);
        System.out.printf("payload: a socket telemetry message, %d metrics, %d bytes on the wire%n", metrics.size() + 1,
                sample.length);
        try (EmbeddedBroker broker = new EmbeddedBroker()) {
            broker.start();
            for (int r = 1; r <= rounds; r++) {
                double peer = pahoOnly(broker, n, sample);
                double[] ours = throughOutbox(broker, n, metrics);
                System.out.printf("round %d: paho QoS1 alone %,.0f msg/s | outbox end-to-end %,.0f msg/s "
                                + "(enqueue in rounds of 5 with the broker away %,.0f msg/s, drain of the full outbox %,.0f msg/s) "
                                + "| disk %.1f kB per 1000 queued%n",
                        r, peer, ours[0], ours[1], ours[2], ours[3]);
            }
        }
    }

    public static Map<String, Object> socketTelemetry() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("socket", 3);
        m.put("power_w", 287.4);
        m.put("energy_wh", 123_456.7);
        m.put("relay_on", true);
        m.put("reason", "CHARGING_NOW");
        m.put("status", "CHARGING");
        m.put("available", false);
        m.put("session_id", "0b6f3e4c-1a2b-4c3d-8e9f-0123456789ab");
        m.put("session_mode", "NOW");
        m.put("session_energy_wh", 812.5);
        return m;
    }

    /** The peer: the same payloads published straight with Paho, QoS 1, at most WINDOW in flight. */
    static double pahoOnly(EmbeddedBroker broker, int n, byte[] payload) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(broker.url(), "bench-paho", new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(EmbeddedBroker.USER);
        o.setPassword(EmbeddedBroker.PASSWORD.toCharArray());
        o.setMaxInflight(WINDOW * 2);
        c.connect(o).waitForCompletion();
        Semaphore window = new Semaphore(WINDOW);
        CountDownLatch done = new CountDownLatch(n);
        IMqttActionListener acked = new IMqttActionListener() {
            public void onSuccess(IMqttToken t) {
                window.release();
                done.countDown();
            }

            public void onFailure(IMqttToken t, Throwable e) {
                window.release();
                done.countDown();
            }
        };
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            window.acquire();
            c.publish("milano/bench/msg/sockets/3", payload, 1, false, null, acked);
        }
        done.await();
        double rate = n / ((System.nanoTime() - start) / 1e9);
        c.disconnect().waitForCompletion();
        c.close();
        return rate;
    }

    /** Ours: {end-to-end msg/s, enqueue-only msg/s, drain msg/s, kB per 1000 messages on disk}. */
    static double[] throughOutbox(EmbeddedBroker broker, int n, Map<String, Object> metrics) throws Exception {
        Path dir = Files.createTempDirectory("outbox-bench");
        TestSources sources = new TestSources();
        var settings = TestSources.settings(broker.url(), "bench-outbox", dir.resolve("outbox"), n * 2,
                Duration.ofHours(1));
        double endToEnd;
        try (CloudLinkSession s = new CloudLinkSession(settings, sources, Clock.systemUTC())) {
            s.start();
            awaitConnected(s);
            OutboxSink sink = new OutboxSink(settings.topics(), s.outbox(), s.link()::wake, true);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) sink.send("sockets/3", MessageClass.TELEMETRY, System.currentTimeMillis(), metrics);
            awaitEmpty(s);
            endToEnd = n / ((System.nanoTime() - start) / 1e9);
        }
        // enqueue into a fresh outbox with the broker refusing this client, then measure the disk and the drain
        settings = TestSources.settings(broker.url(), "bench-outbox", dir.resolve("outbox2"), n * 2, Duration.ofHours(1));
        broker.refuse("bench-outbox", true);
        double enqueue;
        double drain;
        double kbPer1000;
        try (CloudLinkSession s = new CloudLinkSession(settings, sources, Clock.systemUTC())) {
            s.start();
            OutboxSink sink = new OutboxSink(settings.topics(), s.outbox(), () -> { }, true);
            long start = System.nanoTime();
            // as telemetry queues them during an outage: one round (site + 4 sockets) per transaction
            for (int i = 0; i < n; i += ROUND) {
                List<MessageSink.Outgoing> round = new ArrayList<>();
                for (int k = 0; k < ROUND; k++)
                    round.add(new MessageSink.Outgoing("sockets/3", MessageClass.TELEMETRY, System.currentTimeMillis(), metrics));
                sink.sendAll(round);
            }
            enqueue = n / ((System.nanoTime() - start) / 1e9);
        }
        kbPer1000 = Files.size(org.microsmartgrid.cloud.kapua.outbox.Outbox.fileOf(dir.resolve("outbox2"))) / 1024.0 / (n / 1000.0);
        broker.refuse("bench-outbox", false);
        try (CloudLinkSession s = new CloudLinkSession(settings, sources, Clock.systemUTC())) {
            s.start();
            awaitConnected(s);
            long start = System.nanoTime();
            awaitEmpty(s);
            drain = n / ((System.nanoTime() - start) / 1e9);
        }
        return new double[] {endToEnd, enqueue, drain, kbPer1000};
    }

    private static void awaitConnected(CloudLinkSession s) throws InterruptedException {
        while (!s.link().isConnected()) Thread.sleep(5);
    }

    private static void awaitEmpty(CloudLinkSession s) throws InterruptedException {
        while (s.outbox().size() > 0) Thread.sleep(2);
    }
}
