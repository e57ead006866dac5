package org.microsmartgrid.city.api;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.h2.jdbcx.JdbcConnectionPool;
import org.microsmartgrid.city.broker.BenchBroker;
import org.microsmartgrid.city.broker.ModuleCredential;
import org.microsmartgrid.city.ingest.internal.Ingest;
import org.microsmartgrid.city.registry.store.JdbcRegistry;
import org.microsmartgrid.city.registry.store.Migrations;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The city runtime's path from a module to the public API (docs/benchmarks.md §12, §13), built from the runtime's own
 * parts in one JVM: the embedded broker as {@code CityBroker} starts it (Moquette, module credentials, access list),
 * the ingest ({@link Ingest}: queue, decode, dedup, apply), the registry on an H2 file database
 * ({@link JdbcRegistry}), {@link LiveRegistry} and the events servlet on Jetty (loopback). The modules are Paho
 * clients, as the module's cloud link is.
 *
 * <ul>
 * <li><b>Ingest rate</b>: {@code modules} modules publish {@code messages} socket statuses each at QoS 1 (up to
 * {@code inflight} unacknowledged each), every one a real change (the status alternates, the capture time grows);
 * the rate is messages applied to the registry per second, first publish to last applied. <b>The peer</b>, in the
 * same run and alternating with it: the same publishers and payloads through mosquitto (port {@code mosquitto.port},
 * started by the script) to one Paho subscriber at QoS 1 that only counts (no consumer work).</li>
 * <li><b>Status → API</b>: one module changes a socket's status {@code samples} times, one at a time, at random
 * intervals of 20–80 ms; each change is timed from the publish call to the event on {@code /api/v1/events} of a map
 * showing the point (sent after the search index holds the new status).</li>
 * </ul>
 *
 * <p>Not a test (not run by surefire): {@code bench/city-runtime-benchmark.sh}.
 */
public final class CityPipelineBenchmark {

    private static final String ACCOUNT = "bench";
    private static final int SOCKETS = 4;

    public static void main(String[] args) throws Exception {
        int modules = Integer.getInteger("modules", 8);
        int messages = Integer.getInteger("messages", 5_000);
        int inflight = Integer.getInteger("inflight", 100);
        int rounds = Integer.getInteger("rounds", 2);
        int samples = Integer.getInteger("samples", 500);
        int mosquittoPort = Integer.getInteger("mosquitto.port", 0);

        SecureRandom random = new SecureRandom();
        List<ModuleCredential.Issued> creds = new ArrayList<>();
        for (int m = 0; m < modules; m++) creds.add(ModuleCredential.issue(ACCOUNT, "bench-" + m, random));
        try (City city = new City(creds)) {
            List<MqttAsyncClient> clients = city.birth(creds);
            long base = System.currentTimeMillis();
            for (int round = 1; round <= rounds; round++) {
                List<List<byte[]>> payloads = payloads(modules, messages, base);
                base += messages + 1; // the next round's capture times are newer still
                if (mosquittoPort > 0) {
                    Rate raw = mosquitto(mosquittoPort, modules, payloads, inflight);
                    System.out.printf("round %d, mosquitto + Paho, QoS 1, subscriber counts only: %s%n", round, raw);
                }
                Rate ingest = city.pump(clients, payloads, inflight);
                System.out.printf("round %d, city: broker → ingest → registry (H2 file): %s%n", round, ingest);
            }
            while (System.currentTimeMillis() <= base) Thread.sleep(50); // statuses below are newer than all above
            city.statusToApi(clients.get(0), samples, List.of(), 0);
            int load = Integer.getInteger("load.rate", 1_000);
            if (load > 0) city.statusToApi(clients.get(0), samples, clients.subList(1, clients.size()), load);
            for (MqttAsyncClient c : clients) c.disconnect().waitForCompletion(10_000);
        }
    }

    /** One result of a pump: messages per second end to end, and when the publishers had all their acks. */
    record Rate(int messages, double seconds, double ackedSeconds, String note) {
        @Override
        public String toString() {
            return String.format("%,d messages in %.2f s = %,.0f msg/s (all PUBACKs after %.2f s)%s", messages, seconds,
                    messages / seconds, ackedSeconds, note);
        }
    }

    /** Each module's socket statuses, encoded as the module does: a real change every time, newer every time. */
    private static List<List<byte[]>> payloads(int modules, int messages, long base) {
        List<List<byte[]>> all = new ArrayList<>();
        for (int m = 0; m < modules; m++) {
            List<byte[]> mine = new ArrayList<>(messages);
            for (int i = 0; i < messages; i++) {
                Map<String, Object> metrics = new LinkedHashMap<>();
                metrics.put("msg.id", base + "-" + m + "-" + i);
                metrics.put("socket", i % SOCKETS + 1);
                metrics.put("status", (i / SOCKETS) % 2 == 0 ? "CHARGING" : "AVAILABLE");
                metrics.put("power_w", 0.0);
                mine.add(KuraPayloadCodec.encode(KuraMessage.of(base + i, metrics), false));
            }
            all.add(mine);
        }
        return all;
    }

    private static String topic(int module, int i) {
        return ACCOUNT + "/bench-" + module + "/msg/sockets/" + (i % SOCKETS + 1);
    }

    /**
     * All modules publish their payloads at once, each with at most {@code inflight} unacknowledged.
     *
     * @return seconds from the start to the last acknowledgement
     */
    private static double publish(List<MqttAsyncClient> clients, List<List<byte[]>> payloads, int inflight, long start)
            throws Exception {
        List<Thread> threads = new ArrayList<>();
        AtomicLong lastAck = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger failed = new AtomicInteger();
        for (int m = 0; m < clients.size(); m++) {
            int me = m;
            MqttAsyncClient c = clients.get(m);
            Thread t = new Thread(() -> {
                Semaphore window = new Semaphore(inflight);
                IMqttActionListener done = new IMqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        window.release();
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable e) {
                        failed.incrementAndGet();
                        window.release();
                    }
                };
                try {
                    go.await();
                    List<byte[]> mine = payloads.get(me);
                    for (int i = 0; i < mine.size(); i++) {
                        window.acquire();
                        c.publish(topic(me, i), mine.get(i), 1, false, null, done);
                    }
                    window.acquire(inflight); // every PUBACK in
                    lastAck.accumulateAndGet(System.nanoTime(), Math::max);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "bench-module-" + m);
            threads.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : threads) t.join();
        if (failed.get() > 0) throw new IllegalStateException(failed + " publications failed");
        return (lastAck.get() - start) / 1e9;
    }

    /** The peer: the same publishers and payloads through mosquitto to one subscriber that only counts. */
    private static Rate mosquitto(int port, int modules, List<List<byte[]>> payloads, int inflight) throws Exception {
        String url = "tcp://127.0.0.1:" + port;
        int total = payloads.stream().mapToInt(List::size).sum();
        AtomicInteger received = new AtomicInteger();
        AtomicLong lastAt = new AtomicLong();
        CountDownLatch all = new CountDownLatch(1);
        MqttClient subscriber = new MqttClient(url, "bench-subscriber", new MemoryPersistence());
        subscriber.connect(options(null, null, inflight));
        subscriber.subscribe(ACCOUNT + "/+/msg/#", 1, (topic, message) -> {
            if (received.incrementAndGet() == total) {
                lastAt.set(System.nanoTime());
                all.countDown();
            }
        });
        List<MqttAsyncClient> clients = new ArrayList<>();
        for (int m = 0; m < modules; m++) {
            MqttAsyncClient c = new MqttAsyncClient(url, "bench-" + m, new MemoryPersistence());
            c.connect(options(null, null, inflight)).waitForCompletion(10_000);
            clients.add(c);
        }
        long start = System.nanoTime();
        double acked = publish(clients, payloads, inflight, start);
        String note = all.await(60, TimeUnit.SECONDS) ? "" : String.format(" — ONLY %,d RECEIVED", received.get());
        double seconds = ((note.isEmpty() ? lastAt.get() : System.nanoTime()) - start) / 1e9;
        for (MqttAsyncClient c : clients) {
            c.disconnect().waitForCompletion(10_000);
            c.close();
        }
        subscriber.disconnect();
        subscriber.close();
        return new Rate(note.isEmpty() ? total : received.get(), seconds, acked, note);
    }

    private static MqttConnectOptions options(String user, String password, int inflight) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(Math.max(10, inflight));
        o.setConnectionTimeout(10);
        o.setAutomaticReconnect(false);
        if (user != null) o.setUserName(user);
        if (password != null) o.setPassword(password.toCharArray());
        return o;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The runtime's parts from broker to API, wired as in OSGi. */
    private static final class City implements AutoCloseable {

        final Path dir = Files.createTempDirectory("msg-city-bench");
        final JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("registry"), "", "");
        final LiveRegistry live = new LiveRegistry();
        final JdbcRegistry registry;
        final Ingest ingest;
        final io.moquette.broker.Server broker;
        final Server http = new Server();
        final String mqtt;
        final String api;

        City(List<ModuleCredential.Issued> modules) throws Exception {
            pool.setMaxConnections(8); // the registry store's default pool
            Migrations.migrate(pool);
            AtomicBoolean listening = new AtomicBoolean();
            registry = new JdbcRegistry(pool, l -> {
                if (listening.get()) live.changed(l);
            });
            live.bindRegistry(registry);
            live.start(ApiServer.config(10_000, 200, 1_000));
            listening.set(true);
            live.load();
            ingest = new Ingest(registry, 50_000, 262_144, 200_000, Clock.systemUTC()); // the runtime's defaults
            int port = freePort();
            broker = BenchBroker.start(port, ingest, modules.stream().map(ModuleCredential.Issued::credential).toList());
            mqtt = "tcp://127.0.0.1:" + port;
            ServerConnector connector = new ServerConnector(http);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            http.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler();
            context.addServlet(new ServletHolder(new SearchServlet(live)), "/api/v1/search");
            ServletHolder events = new ServletHolder(new EventsServlet(live));
            events.setAsyncSupported(true);
            context.addServlet(events, "/api/v1/events");
            http.setHandler(context);
            http.start();
            api = "http://127.0.0.1:" + connector.getLocalPort();
        }

        /** Connects every module and sends its BIRTH (a place, four sockets); waits until all are points. */
        List<MqttAsyncClient> birth(List<ModuleCredential.Issued> modules) throws Exception {
            List<MqttAsyncClient> clients = new ArrayList<>();
            for (int m = 0; m < modules.size(); m++) {
                ModuleCredential.Issued cred = modules.get(m);
                String id = cred.credential().clientId();
                MqttAsyncClient c = new MqttAsyncClient(mqtt, id, new MemoryPersistence());
                c.connect(options(id, cred.password(), 1_000)).waitForCompletion(10_000);
                Map<String, Object> metrics = new LinkedHashMap<>();
                metrics.put("display_name", "Banco di prova " + m);
                metrics.put("extended_properties", "{\"properties\":{\"MicroSmartGrid\":{\"sockets\":\"" + SOCKETS + "\"}}}");
                c.publish("$EDC/" + ACCOUNT + "/" + id + "/MQTT/BIRTH", KuraPayloadCodec.encode(new KuraMessage(
                        System.currentTimeMillis(), new KuraMessage.Position(lat(m), 9.19, null), metrics, null), false),
                        1, false).waitForCompletion(10_000);
                clients.add(c);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (live.index().size() < modules.size()) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("modules not born: " + ingest.counters());
                Thread.sleep(20);
            }
            return clients;
        }

        /** Module m's place: a kilometre apart, north of the Duomo. */
        static double lat(int m) {
            return 45.46 + 0.01 * m;
        }

        /** Messages applied (or found stale) per second, first publish to last handled. */
        Rate pump(List<MqttAsyncClient> clients, List<List<byte[]>> payloads, int inflight) throws Exception {
            int total = payloads.stream().mapToInt(List::size).sum();
            long before = handled();
            Map<String, Long> c0 = ingest.counters();
            long start = System.nanoTime();
            double acked = publish(clients, payloads, inflight, start);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
            while (handled() - before < total && System.nanoTime() < deadline) Thread.sleep(1);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> c1 = ingest.counters();
            StringBuilder note = new StringBuilder();
            for (String k : List.of("applied", "stale", "duplicate", "malformed", "failed", "dropped_queue_full"))
                note.append(", ").append(k).append(' ').append(c1.getOrDefault(k, 0L) - c0.getOrDefault(k, 0L));
            return new Rate((int) (c1.get("applied") - c0.get("applied")), seconds, acked, note.toString());
        }

        private long handled() {
            Map<String, Long> c = ingest.counters();
            return c.entrySet().stream().filter(e -> !e.getKey().equals("received")).mapToLong(Map.Entry::getValue).sum();
        }

        /**
         * Module 0 changes socket 1 {@code samples} times; each change timed to its event on a map's SSE stream. The
         * {@code others} meanwhile publish socket statuses at {@code rate} messages per second in all (0: idle city).
         */
        void statusToApi(MqttAsyncClient module, int samples, List<MqttAsyncClient> others, int rate) throws Exception {
            String bbox = "9.18," + (lat(0) - 0.004) + ",9.20," + (lat(0) + 0.004);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/events?bbox=" + bbox))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) throw new IllegalStateException("events: HTTP " + r.statusCode());
            BlockingQueue<Object[]> events = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("data:"))
                            events.add(new Object[] {System.nanoTime(), line.substring(5).strip()});
                    }
                } catch (Exception e) {
                    // closed at the end
                }
            }, "bench-sse");
            reader.setDaemon(true);
            reader.start();
            Thread.sleep(500); // subscribed
            String topic = ACCOUNT + "/" + module.getClientId() + "/msg/sockets/1";
            // a first change nobody times: from here on every publication below is a change (an event)
            module.publish(topic, KuraPayloadCodec.encode(KuraMessage.of(System.currentTimeMillis(),
                    Map.of("msg.id", "prime-" + rate, "socket", 1, "status", "OUTOFORDER")), false), 1, false);
            Thread.sleep(1_000);
            events.clear();
            AtomicBoolean stop = new AtomicBoolean();
            Thread background = new Thread(() -> background(others, rate, stop), "bench-load");
            if (rate > 0) background.start();
            java.util.Random jitter = new java.util.Random(1);
            long[] micros = new long[samples];
            int lost = 0;
            long last = System.currentTimeMillis();
            for (int i = 0; i < samples; i++) {
                String status = i % 2 == 0 ? "AVAILABLE" : "CHARGING";
                long at = Math.max(System.currentTimeMillis(), last + 1);
                last = at;
                Map<String, Object> metrics = new LinkedHashMap<>();
                metrics.put("msg.id", "probe-" + at + "-" + i);
                metrics.put("socket", 1);
                metrics.put("status", status);
                byte[] payload = KuraPayloadCodec.encode(KuraMessage.of(at, metrics), false);
                long t0 = System.nanoTime();
                module.publish(topic, payload, 1, false);
                long t1 = -1;
                while (t1 < 0) {
                    Object[] e = events.poll(5, TimeUnit.SECONDS);
                    if (e == null) break;
                    if (status.equals(socket1((String) e[1]))) t1 = (long) e[0];
                }
                if (t1 < 0) lost++;
                micros[i] = t1 < 0 ? Long.MAX_VALUE : (t1 - t0) / 1_000;
                Thread.sleep(20 + jitter.nextInt(61));
            }
            stop.set(true);
            if (rate > 0) background.join();
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            System.out.printf("status → SSE event, %s, %d changes one at a time: median %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                            + "max %.1f ms, %d not seen within 5 s%n", rate == 0 ? "idle city"
                    : String.format("while %d other modules send %,d statuses/s", others.size(), rate), samples, sorted[samples / 2] / 1e3,
                    sorted[(int) (samples * 0.9)] / 1e3, sorted[(int) (samples * 0.99)] / 1e3,
                    sorted[samples - 1 - lost] / 1e3, lost);
            r.body().close();
        }

        /** Other modules' statuses at a steady rate, each newer than the last, until stopped. */
        private void background(List<MqttAsyncClient> others, int rate, AtomicBoolean stop) {
            long[] last = new long[others.size()];
            long n = 0;
            long start = System.nanoTime();
            try {
                while (!stop.get()) {
                    int m = (int) (n % others.size());
                    MqttAsyncClient c = others.get(m);
                    long at = Math.max(System.currentTimeMillis(), last[m] + 1);
                    last[m] = at;
                    int socket = (int) (n / others.size() % SOCKETS) + 1;
                    Map<String, Object> metrics = new LinkedHashMap<>();
                    metrics.put("msg.id", "load-" + at + "-" + n);
                    metrics.put("socket", socket);
                    metrics.put("status", (n / others.size() / SOCKETS) % 2 == 0 ? "CHARGING" : "AVAILABLE");
                    c.publish(ACCOUNT + "/" + c.getClientId() + "/msg/sockets/" + socket,
                            KuraPayloadCodec.encode(KuraMessage.of(at, metrics), false), 1, false);
                    n++;
                    long due = start + n * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Map<String, Long> c = ingest.counters();
            System.out.printf("  background: %,d statuses sent in %.1f s; ingest so far: %s%n", n,
                    (System.nanoTime() - start) / 1e9, c);
        }

        private static String socket1(String data) {
            JsonObject o = JsonParser.parseString(data).getAsJsonObject();
            for (JsonElement e : o.getAsJsonArray("evses"))
                if (e.getAsJsonObject().get("socket").getAsInt() == 1) return e.getAsJsonObject().get("status").getAsString();
            return null;
        }

        @Override
        public void close() throws Exception {
            http.stop();
            broker.stopServer();
            ingest.close();
            live.deactivate();
            pool.dispose();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
