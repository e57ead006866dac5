package org.microsmartgrid.city.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.ModuleBirth;
import org.microsmartgrid.city.registry.ModuleState;
import org.microsmartgrid.city.registry.OperatorType;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.registry.SessionRecord;
import org.microsmartgrid.city.registry.SocketUpdate;
import org.microsmartgrid.city.registry.VehicleClass;
import org.microsmartgrid.city.search.Hit;
import org.microsmartgrid.city.search.PointIndex;
import org.microsmartgrid.city.search.Position;
import org.microsmartgrid.city.search.bench.BenchQueries;
import org.microsmartgrid.city.search.bench.ItalyPoints;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * Nearest-20 over HTTP with 2 clients (docs/benchmarks.md §10): the city's search servlet on Jetty (loopback), its
 * index loaded with city.search's benchmark country (130,000 points, through {@link LiveRegistry} as at start-up),
 * the same 4,096 origins and queries as the in-process and PostGIS benchmarks, asked over keep-alive HTTP/1.1 by two
 * client threads in turn for a fixed time. Prints answers per second and latency percentiles; checks first that the
 * HTTP answers name the same 20 points as the in-process search of the original data. Given a PostGIS database
 * ({@code -Dcity.bench.jdbc}, as bench/http-search-benchmark.sh gives), the same clients ask the peer, PostGIS behind
 * the same Jetty ({@link PostgisPeerServlet}), in turn with ours.
 *
 * <p>Not a test (not run by surefire): {@code bench/http-search-benchmark.sh}.
 */
public final class HttpSearchBenchmark {

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("clients", 2);
        int warmupS = Integer.getInteger("warmup.s", 10);
        int measureS = Integer.getInteger("measure.s", 20);
        long loadStart = System.nanoTime();
        List<ItalyPoints.Point> points = ItalyPoints.points(ItalyPoints.COUNT, BenchQueries.POINTS_SEED);
        List<Location> locations = points.stream().map(HttpSearchBenchmark::location).toList();
        LiveRegistry live = new LiveRegistry();
        live.bindRegistry(new Fixed(locations));
        live.start(ApiServer.config(10_000, 200, 1_000));
        live.load();
        System.out.printf("loaded %,d points into the index through LiveRegistry in %.1f s%n", live.index().size(),
                (System.nanoTime() - loadStart) / 1e9);

        // the peer (docs/benchmarks.md §18): PostGIS behind the same Jetty, geometry and geography KNN, each point's
        // document stored in its row; only when the script gives a database
        List<String> engines = new ArrayList<>(List.of(""));
        boolean peer = System.getProperty("city.bench.jdbc") != null;
        if (peer) {
            long t0 = System.nanoTime();
            PostgisPeerServlet.loadDocuments(locations, System.currentTimeMillis());
            System.out.printf("PostGIS peer: points and their documents loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            engines.addAll(List.of("/peer/geometry", "/peer/geography"));
        }

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new SearchServlet(live)), "/api/v1/search");
        if (peer) {
            context.addServlet(new ServletHolder(new PostgisPeerServlet(true, clients)), "/peer/geometry/api/v1/search");
            context.addServlet(new ServletHolder(new PostgisPeerServlet(false, clients)), "/peer/geography/api/v1/search");
        }
        server.setHandler(context);
        server.start();
        String base = "http://127.0.0.1:" + connector.getLocalPort();
        try {
            List<Position> origins = BenchQueries.origins();
            PointIndex reference = BenchQueries.index(points);
            // interleaved: each round asks every engine in turn, so a change of the machine's load hits all of them
            for (int round = 1; round <= Integer.getInteger("rounds", peer ? 2 : 1); round++) {
                for (boolean filtered : new boolean[] {true, false}) {
                    for (String engine : engines) {
                        List<URI> uris = origins.stream().map(o -> URI.create(base + engine + path(o, filtered))).toList();
                        String name = (engine.isEmpty() ? "city API" : "PostGIS " + engine.substring("/peer/".length()))
                                + ", " + (filtered ? "filtered" : "plain") + ", round " + round;
                        if (round == 1) agree(reference, origins, uris, name);
                        run(name, uris, clients, warmupS, false);
                        run(name, uris, clients, measureS, true);
                    }
                }
            }
        } finally {
            server.stop();
            live.deactivate();
        }
    }

    /** The benchmark's query as a URL: 20 nearest within 10 km, for an e-bike, available now, at least 3.7 kW. */
    static String path(Position o, boolean filtered) {
        return "/api/v1/search?lat=" + o.latitude() + "&lon=" + o.longitude() + "&radius=" + (int) BenchQueries.RADIUS_METRES
                + "&limit=" + BenchQueries.LIMIT
                + (filtered ? "&vehicle_class=EBIKE&available_now=true&min_power_w=" + BenchQueries.MIN_POWER_W : "");
    }

    /** The HTTP answers name the same points in the same order as the in-process search of the original data. */
    private static void agree(PointIndex reference, List<Position> origins, List<URI> uris, String name)
            throws Exception {
        boolean filtered = uris.get(0).getQuery().contains("vehicle_class");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int same = 0;
        for (int i = 0; i < 256; i++) {
            List<String> expected = reference.search(BenchQueries.query(origins.get(i), filtered)).hits().stream()
                    .map(Hit::point).map(v -> v.facts().id()).toList();
            String body = http.send(HttpRequest.newBuilder(uris.get(i)).build(), HttpResponse.BodyHandlers.ofString()).body();
            List<String> got = new ArrayList<>();
            for (JsonElement e : JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("items"))
                got.add(e.getAsJsonObject().getAsJsonObject("point").get("id").getAsString());
            if (got.equals(expected)) same++;
            else if (i - same < 2) System.out.println("differs at " + uris.get(i) + ":\n expected " + expected + "\n got      " + got);
        }
        System.out.printf("%s: HTTP answers agree with the in-process search on %d of 256 origins%n", name, same);
    }

    private static void run(String name, List<URI> uris, int clients, int seconds, boolean report) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> latencies = new ArrayList<>();
        long[] counts = new long[clients];
        long[] bytes = new long[clients];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int me = c;
            long[] lat = new long[4_000_000];
            latencies.add(lat);
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                int next = me * 1024;
                try {
                    while (!stop.get()) {
                        HttpRequest req = HttpRequest.newBuilder(uris.get(next++ & (uris.size() - 1))).build();
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        long dt = System.nanoTime() - t0;
                        if (r.statusCode() != 200) throw new IllegalStateException("HTTP " + r.statusCode());
                        if (counts[me] < lat.length) lat[(int) counts[me]] = dt;
                        counts[me]++;
                        bytes[me] += r.body().length;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "bench-client-" + c);
            threads.add(t);
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) t.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!report) return;
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) Math.min(total, Integer.MAX_VALUE)];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            int n = (int) Math.min(counts[c], latencies.get(c).length);
            System.arraycopy(latencies.get(c), 0, all, k, n);
            k += n;
        }
        long[] sorted = Arrays.copyOf(all, k);
        Arrays.sort(sorted);
        System.out.printf("%s, %d clients, %d s: %,.0f answers/s, p50 %.0f µs, p99 %.0f µs, %,d bytes per answer%n",
                name, clients, seconds, total / elapsed, sorted[k / 2] / 1e3, sorted[(int) (k * 0.99)] / 1e3,
                Arrays.stream(bytes).sum() / Math.max(1, total));
    }

    /** A benchmark point as the registry would hold it: a module online reporting each EVSE's status. */
    static Location location(ItalyPoints.Point p) {
        var f = p.facts();
        long at = ItalyPoints.STATUS_TIME.toEpochMilli();
        List<Connector> connectors = new ArrayList<>();
        int n = 1;
        for (var c : f.connectors())
            connectors.add(new Connector(n++, c.name(), "SOCKET", "AC_1_PHASE", 230, 16, (int) f.maxPowerW()));
        if (connectors.isEmpty()) // the country leaves some points without a standard: keep their power
            connectors.add(new Connector(1, "UNSPECIFIED", "SOCKET", "AC_1_PHASE", 230, 16, (int) f.maxPowerW()));
        List<Evse> evses = new ArrayList<>();
        for (int i = 0; i < p.statuses().size(); i++)
            evses.add(new Evse(i + 1, org.microsmartgrid.city.registry.EvseStatus.valueOf(p.statuses().get(i).name()),
                    at, null, connectors));
        return new Location(f.id(), "Punto " + f.id(), null, null, f.latitude(), f.longitude(),
                OperatorType.valueOf(f.operatorType().name()), true,
                f.vehicleClasses().stream().map(v -> v.name().equals("E_BIKE") ? VehicleClass.EBIKE
                        : VehicleClass.valueOf(v.name())).collect(Collectors.toSet()),
                f.facilities().stream().map(Enum::name).collect(Collectors.toSet()),
                f.openingHours().twentyFourSeven() ? null : "Mo-Su 07:00-22:00", f.freeOfCharge(), null, at,
                new ModuleState("bench", f.id(), null, null, true, at), evses);
    }

    /** A registry that only lists: what LiveRegistry reads at start. */
    record Fixed(List<Location> all) implements Registry {
        public boolean moduleBirth(ModuleBirth b) { throw new UnsupportedOperationException(); }
        public boolean moduleOffline(String a, String c, long at) { throw new UnsupportedOperationException(); }
        public void heard(String a, String c, long at) { throw new UnsupportedOperationException(); }
        public boolean socketStatus(SocketUpdate u) { throw new UnsupportedOperationException(); }
        public boolean session(SessionRecord r) { throw new UnsupportedOperationException(); }
        public void putUnmonitored(Location l) { throw new UnsupportedOperationException(); }
        public Optional<Location> location(String id) { return Optional.empty(); }
        public Optional<Location> locationOfModule(String a, String c) { return Optional.empty(); }
        public List<Location> page(int offset, int limit) { return List.of(); }
        public int count() { return all.size(); }
        public int modulesOnline() { return all.size(); }
        public int sessions() { return 0; }
    }
}
