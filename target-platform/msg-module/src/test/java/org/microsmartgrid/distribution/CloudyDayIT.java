package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.distribution.CommissioningIT.power;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A cloudy day in the real runtime: the simulator's clouds come and go (time runs 20 times faster, so spells of
 * minutes pass in seconds) while the loop serves the demo's four sockets. Watched through /status for a minute:
 * the import stays under the limit, no relay switches faster than its minimum times, the solar-only socket charges
 * only on surplus (or while held by its minimum on-time), and the mobility aid is never dropped for it.
 */
class CloudyDayIT {

    private static final String SIM = "org.microsmartgrid.simulator.SimulatedBuilding.config";
    private static final Duration WATCH = Duration.ofSeconds(60);
    private static final long MIN_S = 5;

    /** One look at /status. */
    private record Sample(Instant at, double pvW, double gridW, double limitW, boolean safe,
                          Map<String, Boolean> on, Map<String, String> since, Map<Integer, String> reasons,
                          Map<Integer, Boolean> wanted) {
    }

    @Test
    void cloudsComeAndGoAndTheLoopStaysWithinItsRules() throws Exception {
        Path conf = ModuleProcess.copyConf(Path.of(System.getProperty("msg.demo.conf")),
                "I\"5020\"", "I\"" + ModuleProcess.freePort() + "\"",
                "min.on.ms=L\"30000\"", "min.on.ms=L\"1000\"", "min.off.ms=L\"30000\"", "min.off.ms=L\"1000\"",
                "min.on.s=I\"60\"", "min.on.s=I\"" + MIN_S + "\"", "min.off.s=I\"60\"", "min.off.s=I\"" + MIN_S + "\"");
        Path sim = conf.resolve(SIM);
        Files.writeString(sim, Files.readString(sim)
                .replace("cloudiness=D\"0.3\"", "cloudiness=D\"0.5\"")
                .replace("time.speed=D\"1.0\"", "time.speed=D\"20.0\"")
                .replace("building.peak.w=D\"2500.0\"", "building.peak.w=D\"300.0\"")
                + "start.time=\"2026-06-10T10:30\"\n", StandardCharsets.UTF_8);
        ModuleProcess.addInstaller(conf);

        List<Sample> samples = new ArrayList<>();
        try (ModuleProcess module = ModuleProcess.start("cloudy-day", conf, ModuleProcess.freePort())) {
            module.awaitStatus("the loop running on GOOD grid and PV meters, with its four relays", Duration.ofSeconds(90),
                    // the configurations arrive one by one (FileInstall starts last): the meters and the relays may
                    // come after the loop (a full run once sampled before the PV meter was there)
                    s -> s.has("loop") && !s.get("loop").isJsonNull() && s.get("meters").toString().contains("\"id\":\"grid\"")
                            && s.get("meters").toString().contains("\"id\":\"pv\"") && s.getAsJsonArray("relays").size() == 4
                            && !Double.isNaN(power(s, "grid")));
            Instant end = Instant.now().plus(WATCH);
            while (Instant.now().isBefore(end)) {
                samples.add(sample(module.awaitStatus("a status", Duration.ofSeconds(10), s -> true)));
                Thread.sleep(200);
            }
        }

        double pvMin = samples.stream().mapToDouble(Sample::pvW).filter(w -> !Double.isNaN(w)).min().orElse(0);
        double pvMax = samples.stream().mapToDouble(Sample::pvW).filter(w -> !Double.isNaN(w)).max().orElse(0);
        assertTrue(pvMax - pvMin > 800, "the scenario needs clouds: PV went from " + pvMin + " to " + pvMax + " W");

        // 1. the import stays under the limit: a sample above it (a cloud edge, a vehicle ramping up) is followed
        //    by one below it — never two in a row
        for (int i = 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1), b = samples.get(i);
            assertTrue(!(over(a) && over(b)), "import over the limit twice in a row at " + b.at() + ": " + a.gridW()
                    + " then " + b.gridW() + " W, limit " + b.limitW() + " W");
        }
        // 2. no chatter: consecutive switches of a relay by the loop are at least the minimum time apart
        Map<String, List<Instant>> switches = new HashMap<>();
        for (Sample s : samples)
            s.since().forEach((relay, since) -> {
                List<Instant> l = switches.computeIfAbsent(relay, k -> new ArrayList<>());
                Instant t = Instant.parse(since);
                if (l.isEmpty() || !l.get(l.size() - 1).equals(t)) l.add(t);
            });
        switches.forEach((relay, times) -> {
            for (int i = 1; i < times.size(); i++)
                assertTrue(Duration.between(times.get(i - 1), times.get(i)).toMillis() >= MIN_S * 1000 - 50,
                        relay + " switched at " + times.get(i - 1) + " and again at " + times.get(i));
        });
        // 3. the solar-only scooter (socket 2) is switched on only on surplus, or kept on by its minimum on-time (the
        //    loop's decision, not the relay read a moment apart in the same /status)
        for (Sample s : samples)
            if (Boolean.TRUE.equals(s.wanted().get(2)) && !s.safe())
                assertTrue(Set.of("CHARGING_SURPLUS", "HELD_MIN_ON").contains(s.reasons().get(2)),
                        "socket 2 on for " + s.reasons().get(2) + " at " + s.at());
        // 4. the wheelchair (socket 3, mobility aid, NOW) is never switched off for the scooter or the car
        long wheelchairOff = samples.stream().skip(samples.size() / 4)
                .filter(s -> !s.safe() && !Boolean.TRUE.equals(s.on().get("socket-3"))).count();
        assertTrue(wheelchairOff == 0, "the mobility aid was off in " + wheelchairOff + " samples");
        // and the clouds did make the scooter wait at least once, or it never got sun: either way, it was decided
        assertTrue(samples.stream().anyMatch(s -> "WAITING_SURPLUS".equals(s.reasons().get(2))
                || "CHARGING_SURPLUS".equals(s.reasons().get(2))), "socket 2 was served by the surplus rules");
    }

    private static boolean over(Sample s) {
        return !s.safe() && !Double.isNaN(s.gridW()) && s.gridW() > s.limitW() + 150; // meter noise and ramps
    }

    private static Sample sample(JsonObject s) {
        JsonObject loop = s.getAsJsonObject("loop");
        Map<String, Boolean> on = new HashMap<>();
        Map<String, String> since = new HashMap<>();
        for (JsonElement e : s.getAsJsonArray("relays")) {
            JsonObject r = e.getAsJsonObject();
            on.put(r.get("id").getAsString(), r.get("outputOn").getAsBoolean());
            if (r.has("since") && !r.get("since").isJsonNull()) since.put(r.get("id").getAsString(), r.get("since").getAsString());
        }
        Map<Integer, String> reasons = new HashMap<>();
        Map<Integer, Boolean> wanted = new HashMap<>();
        for (JsonElement e : loop.getAsJsonArray("sockets")) {
            int n = e.getAsJsonObject().get("socket").getAsInt();
            reasons.put(n, e.getAsJsonObject().get("reason").getAsString());
            wanted.put(n, e.getAsJsonObject().get("on").getAsBoolean());
        }
        return new Sample(Instant.now(), power(s, "pv"), power(s, "grid"), loop.get("limitW").getAsDouble(),
                loop.get("safeState").getAsBoolean(), on, since, reasons, wanted);
    }
}
