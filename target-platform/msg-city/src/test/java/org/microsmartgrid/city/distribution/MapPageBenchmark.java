package org.microsmartgrid.city.distribution;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (never run by {@code mvn verify}: the name does not end in IT). The map page's weight (each
 * file as sent, plain and gzip) and the time from navigation start to the first markers drawn, in Chromium with a
 * phone's screen, the CPU slowed 4× and a slow network, cold (no HTTP cache, no service worker). Results are printed
 * and written to target/map-page-benchmark.md; docs/benchmarks.md §10 keeps them with the command:
 *
 * <pre>
 * mvn -B -ntp -o verify -pl target-platform/msg-city -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=MapPageBenchmark -Dfailsafe.failIfNoSpecifiedTests=false [-Dmsg.bench.runs=5]
 * </pre>
 */
class MapPageBenchmark {

    /** The page's own files before the first markers: what index.html links and is not Leaflet's. */
    static List<String> firstPaint() throws java.io.IOException {
        String html = Files.readString(WEB.resolve("index.html"));
        List<String> files = new java.util.ArrayList<>(List.of("index.html"));
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<(?:script src|link rel=\"stylesheet\" href)=\"([^\"]+)\"").matcher(html);
        while (m.find()) if (!m.group(1).startsWith("vendor/")) files.add(m.group(1));
        return files;
    }

    /** The signed-in screens, which app.js loads beside the first search (its SIGNED_IN_SCRIPTS). */
    static List<String> signedIn() throws java.io.IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("SIGNED_IN_SCRIPTS = \\[([^\\]]+)\\]")
                .matcher(Files.readString(WEB.resolve("app.js")));
        if (!m.find()) throw new IllegalStateException("app.js has no SIGNED_IN_SCRIPTS");
        return java.util.Arrays.stream(m.group(1).split(",")).map(x -> x.strip().replace("'", "")).toList();
    }

    static final Path WEB = Path.of("../../bundles/org.microsmartgrid.city.web/src/main/resources/web");
    static final List<String> LEAFLET = List.of("vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css");
    /** name, latency ms, download and upload bits/s (Lighthouse's "slow 4G" and DevTools' "3G"). */
    record Network(String name, int latencyMs, long downBps, long upBps) {
    }

    @Test
    void weightAndTimeToFirstMarkers() throws Exception {
        int runs = Integer.getInteger("msg.bench.runs", 5);
        StringBuilder out = new StringBuilder();
        try (CityWithModules world = CityWithModules.start(List.of(
                new CityWithModules.Site("msg-sormani", MapPageIT.SORMANI, "45.4613", "9.1976", "1="),
                new CityWithModules.Site("msg-manzoni", MapPageIT.MANZONI, "45.4702", "9.1883", "1=EBIKE:30")), Map.of())) {
            String base = world.city.uri("").toString();
            out.append("## Weight (bytes as sent by the city runtime)\n\n| file | plain | gzip |\n|---|---:|---:|\n");
            long[] ours = weigh(base, firstPaint(), out);
            long[] leaflet = weigh(base, LEAFLET, out);
            out.append(String.format(Locale.ROOT, "| **ours before the first markers (HTML+JS+CSS)** | %,d | **%,d** |%n| **Leaflet 1.9.4** | %,d | **%,d** |%n",
                    ours[0], ours[1], leaflet[0], leaflet[1]));
            out.append(String.format(Locale.ROOT, "| **total before the first markers** | %,d | **%,d** |%n", ours[0] + leaflet[0], ours[1] + leaflet[1]));
            long[] later = weigh(base, signedIn(), out);
            out.append(String.format(Locale.ROOT, "| **signed-in screens (loaded beside the first search)** | %,d | **%,d** |%n| **all of ours** | %,d | **%,d** |%n%n",
                    later[0], later[1], ours[0] + later[0], ours[1] + later[1]));

            out.append("## Navigation start → first markers (ms), phone screen, CPU 4× slower, cold\n\n"
                    + "| network | runs | min | median | max | DOMContentLoaded median |\n|---|---:|---:|---:|---:|---:|\n");
            for (Network n : List.of(new Network("slow 4G: 150 ms, 1.6 Mbit/s down, 750 kbit/s up", 150, 1_600_000, 750_000),
                    new Network("3G: 300 ms, 780 kbit/s down, 330 kbit/s up", 300, 780_000, 330_000))) {
                List<Double> first = new ArrayList<>(), dcl = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    try (MapBrowser b = MapBrowser.open(base, "it")) {
                        b.phone(true);
                        b.driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
                        b.driver.executeCdpCommand("Network.enable", Map.of());
                        b.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                        b.driver.executeCdpCommand("Network.setBypassServiceWorker", Map.of("bypass", true));
                        b.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
                                "latency", n.latencyMs(), "downloadThroughput", n.downBps() / 8, "uploadThroughput", n.upBps() / 8));
                        b.get("/map/");
                        b.until("first markers", d -> Boolean.TRUE.equals(b.driver.executeScript(
                                "return performance.getEntriesByName('msg-first-markers').length > 0;")));
                        first.add(((Number) b.driver.executeScript(
                                "return performance.getEntriesByName('msg-first-markers')[0].startTime;")).doubleValue());
                        dcl.add(((Number) b.driver.executeScript(
                                "return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;")).doubleValue());
                    }
                }
                first.sort(null);
                dcl.sort(null);
                out.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f |%n", n.name(), runs,
                        first.get(0), first.get(first.size() / 2), first.get(first.size() - 1), dcl.get(dcl.size() / 2)));
            }
        }
        System.out.println(out);
        Files.writeString(Path.of("target", "map-page-benchmark.md"), out);
    }

    /** Adds one row per file; answers {plain, gzip} totals. */
    private static long[] weigh(String base, List<String> files, StringBuilder out) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long plain = 0, gzip = 0;
        for (String f : files) {
            URI u = URI.create(base + "/map/" + f);
            long p = http.send(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
            HttpResponse<byte[]> g = http.send(HttpRequest.newBuilder(u).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (!"gzip".equals(g.headers().firstValue("Content-Encoding").orElse("")))
                throw new AssertionError(f + " not sent gzip");
            out.append(String.format(Locale.ROOT, "| %s | %,d | %,d |%n", f, p, g.body().length));
            plain += p;
            gzip += g.body().length;
        }
        return new long[] {plain, gzip};
    }
}
