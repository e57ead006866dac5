package org.microsmartgrid.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The README's first command as a newcomer runs it: the launcher (its jar, as demo/run-municipio1.sh starts it) with
 * a fast day. Every site of Municipio 1 is found by the city's search at its real coordinates, its module online
 * and every socket reporting a live status; a session runs and ends with energy, and the city's registry holds it;
 * SIGTERM (what Ctrl-C sends) leaves no process of the demo behind.
 */
class DemoIT {

    private static final Duration WAIT = Duration.ofSeconds(420);

    /** The sites the issue names, at their coordinates (OpenStreetMap), with the number of sockets each has. */
    record Expected(String name, double lat, double lon, int sockets) {
    }

    private static final List<Expected> SITES = List.of(
            new Expected("Palazzo Marino", 45.4674, 9.1900, 4),
            new Expected("Biblioteca Sormani", 45.4612, 9.1975, 5),
            new Expected("Castello Sforzesco", 45.4705, 9.1795, 6),
            new Expected("Palazzo Reale", 45.4632, 9.1913, 4),
            new Expected("Università Statale", 45.4603, 9.1945, 6),
            new Expected("Museo del Novecento", 45.4637, 9.1898, 3));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theWholeDemoRunsAndStopsCleanly() throws Exception {
        Path dir = Files.createTempDirectory("msg-municipio1");
        Path out = Path.of("target", "it-logs", "demo-launcher.log");
        Files.createDirectories(out.getParent());
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-jar", System.getProperty("msg.launcher.jar"), "--root", System.getProperty("msg.root"),
                "--dir", dir.toString(), "--any-ports", "--speed", "600", "--hours", "48")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        List<ProcessHandle> children = List.of();
        try {
            Matcher map = awaitLine(out, launcher, Pattern.compile("Mappa / Map: +http://localhost:(\\d+)/map/"));
            int port = Integer.parseInt(map.group(1));
            children = launcher.descendants().toList();
            assertEquals(SITES.size() + 1, children.size(), "the city and one process per module");

            // each site, searched near its coordinates: its point, its module online, every socket with a live status
            // (the map's address is printed once every module is online; a module that has just connected tells its
            // sockets' states within its first telemetry, seconds later on a loaded machine: wait for them)
            for (Expected site : SITES) {
                JsonObject point = awaitLiveSockets(port, site);
                assertEquals(site.lat(), point.get("latitude").getAsDouble(), 1e-4, site.name());
                assertEquals(site.lon(), point.get("longitude").getAsDouble(), 1e-4, site.name());
                assertTrue(point.getAsJsonObject("module").get("online").getAsBoolean(), site.name() + " online");
                assertEquals(site.sockets(), point.getAsJsonArray("evses").size(), site.name() + ": " + point);
                for (JsonElement e : point.getAsJsonArray("evses"))
                    assertNotEquals("UNKNOWN", e.getAsJsonObject().get("status").getAsString(), site.name() + ": " + point);
            }
            // the citizens' sockets, approved by the moderator, are public (not monitored)
            JsonObject listed = find(get(port, "/api/v1/locations?limit=500"), "Libreria di Brera");
            assertFalse(listed.get("monitored").getAsBoolean());

            // a citizen near the Duomo opens the map: the sites around it are listed, nearest first (screenshot: README)
            List<String> nearDuomo = MapPage.namesListedNear(port, 45.4642, 9.1900,
                    Path.of(System.getProperty("msg.screenshots", "target/screenshots")).resolve("municipio1-desktop-it.png"));
            assertTrue(nearDuomo.containsAll(List.of("Palazzo Reale", "Museo del Novecento", "Palazzo Marino",
                    "Università Statale")), nearDuomo.toString());
            // the courtyard a private individual listed (389 m away) is there, without its name
            assertTrue(nearDuomo.contains("Presa di un privato") && !nearDuomo.contains("Cortile di via Larga"),
                    nearDuomo.toString());

            // a vehicle leaves: its session ends with energy (the launcher prints it)
            Matcher ended = awaitLine(out, launcher, Pattern.compile("session ended, (\\d+) Wh"));
            assertTrue(Integer.parseInt(ended.group(1)) > 0, ended.group());
        } finally {
            launcher.destroy(); // SIGTERM, as Ctrl-C (SIGINT) stops the launcher: the same shutdown
            boolean exited = launcher.waitFor(90, TimeUnit.SECONDS);
            if (!exited) launcher.destroyForcibly().waitFor();
            for (ProcessHandle c : launcher.descendants().toList()) c.destroyForcibly();
            assertTrue(exited, "the launcher stopped within 90 s of SIGTERM");
        }
        for (ProcessHandle c : children) assertFalse(c.isAlive(), "left behind: " + c.info().commandLine().orElse("" + c.pid()));
        assertTrue(Files.readString(out).contains("stopped: no process left"), Files.readString(out));

        // what the city recorded, read from its registry after the stop: a session closed with its energy
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("city/data/city/registry"), "", "");
             ResultSet r = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM charging_session WHERE state = 'CLOSED' AND energy_wh > 0")) {
            assertTrue(r.next());
            assertTrue(r.getInt(1) >= 1, "closed sessions with energy in the city's registry: " + r.getInt(1));
        }
        deleteTree(dir); // kept when a check failed, for its logs
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** The site's point once every socket has a live status (or the last answer after a minute). */
    private JsonObject awaitLiveSockets(int port, Expected site) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject point = search(port, site);
        while (System.nanoTime() < end && !allLive(point, site)) {
            Thread.sleep(250);
            point = search(port, site);
        }
        return point;
    }

    private static boolean allLive(JsonObject point, Expected site) {
        if (point.getAsJsonArray("evses").size() != site.sockets()) return false;
        for (JsonElement e : point.getAsJsonArray("evses"))
            if ("UNKNOWN".equals(e.getAsJsonObject().get("status").getAsString())) return false;
        return true;
    }

    private JsonObject search(int port, Expected site) throws Exception {
        String path = String.format(java.util.Locale.ROOT, "/api/v1/search?lat=%.4f&lon=%.4f&radius=30", site.lat(), site.lon());
        for (JsonElement e : get(port, path).getAsJsonArray("items")) {
            JsonObject point = e.getAsJsonObject().getAsJsonObject("point");
            if (point.get("name").getAsString().equals(site.name())) return point;
        }
        throw new AssertionError(site.name() + " not found within 30 m of its coordinates: " + get(port, path));
    }

    private JsonObject get(int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static JsonObject find(JsonObject answer, String name) {
        for (JsonElement e : answer.getAsJsonArray("items"))
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) return e.getAsJsonObject();
        return null;
    }

    /** Waits for a line of the launcher's output; fails with the output if the launcher exits or time runs out. */
    private static Matcher awaitLine(Path out, Process launcher, Pattern line) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Matcher m = line.matcher(text);
            if (m.find()) return m;
            if (!launcher.isAlive()) throw new AssertionError("the launcher exited (" + launcher.exitValue() + "):\n" + text);
            Thread.sleep(500);
        }
        throw new AssertionError("no line matching " + line + " within " + WAIT.toSeconds() + " s:\n"
                + Files.readString(out, StandardCharsets.UTF_8));
    }
}
