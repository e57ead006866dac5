package org.microsmartgrid.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What the launcher prints while the demo runs: each charging session that ends (seen on the module's public
 * /status: an open session that is no longer there ended; its last energy figure is printed), and every half minute
 * a line with the simulated time, how many modules the city sees online and how many sockets are charging.
 */
final class Progress {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/Rome"));

    private final PrintStream out;
    private final Instant simStart;
    private final long realStart = System.nanoTime();
    private final double speed;
    private final Map<String, CityClient> modules = new LinkedHashMap<>();
    private final Map<String, Map<String, double[]>> open = new HashMap<>(); // site → session id → {socket, Wh}
    final AtomicInteger ended = new AtomicInteger();

    Progress(PrintStream out, Instant simStart, double speed) {
        this.out = out;
        this.simStart = simStart;
        this.speed = speed;
    }

    void watch(String site, int httpPort) {
        modules.put(site, new CityClient(httpPort));
        open.put(site, new HashMap<>());
    }

    /** The simulated time now, as the simulators have it (they started with the launcher, give or take seconds). */
    String simTime() {
        double seconds = (System.nanoTime() - realStart) / 1e9 * speed;
        return CLOCK.format(simStart.plusSeconds((long) seconds));
    }

    /** Polls every module's /status once. */
    void pollSessions() {
        for (Map.Entry<String, CityClient> m : modules.entrySet()) {
            JsonObject status;
            try {
                status = m.getValue().get("/status").object();
            } catch (IOException | InterruptedException e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                continue; // a module restarting or stopping: try again next time
            }
            JsonElement sessions = status.get("sessions");
            if (sessions == null || !sessions.isJsonArray()) continue;
            Map<String, double[]> now = new HashMap<>();
            for (JsonElement e : sessions.getAsJsonArray()) {
                JsonObject s = e.getAsJsonObject();
                now.put(s.get("id").getAsString(), new double[] {s.get("socket").getAsInt(), s.get("energyWh").getAsDouble()});
            }
            Map<String, double[]> before = open.get(m.getKey());
            for (Map.Entry<String, double[]> b : before.entrySet()) {
                if (now.containsKey(b.getKey())) continue;
                ended.incrementAndGet();
                out.printf(Locale.ROOT, "[%s] %s, presa %d: sessione conclusa / socket %d: session ended, %.0f Wh%n",
                        simTime(), m.getKey(), (int) b.getValue()[0], (int) b.getValue()[0], b.getValue()[1]);
            }
            before.clear();
            before.putAll(now);
        }
    }

    /** One line on the network as the city's public API shows it. */
    void summary(CityClient city) {
        try {
            CityClient.Answer a = city.get("/api/v1/locations?limit=500");
            if (a.status() != 200) return;
            int online = 0, charging = 0, listed = 0;
            for (JsonElement e : a.object().getAsJsonArray("items")) {
                JsonObject p = e.getAsJsonObject();
                if (!p.get("monitored").getAsBoolean()) {
                    listed++;
                    continue;
                }
                if (modules.containsKey(p.get("name").getAsString())
                        && p.getAsJsonObject("module").get("online").getAsBoolean()) online++;
                for (JsonElement s : p.getAsJsonArray("evses"))
                    if (s.getAsJsonObject().get("status").getAsString().equals("CHARGING")) charging++;
            }
            out.printf(Locale.ROOT, "[%s] moduli online / modules online %d/%d · prese in carica / sockets charging %d"
                            + " · sessioni concluse / sessions ended %d · prese elencate / listed sockets %d%n",
                    simTime(), online, modules.size(), charging, ended.get(), listed);
        } catch (IOException | RuntimeException e) {
            out.println("[" + simTime() + "] città non raggiungibile / city unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
