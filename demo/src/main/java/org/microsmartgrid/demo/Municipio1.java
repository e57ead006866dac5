package org.microsmartgrid.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.microsmartgrid.city.broker.ModuleCredential;
import org.microsmartgrid.console.auth.PasswordHash;

/**
 * The Municipio 1 demo (README's first command, docs/demo.md): the city runtime with its embedded broker and one
 * module per public site, each its own process on its own simulated building with its own broker credential;
 * vehicles come and go through a day that runs faster than real time; a few plain sockets listed by citizens. It
 * prints its progress and the addresses; Ctrl-C (SIGINT) or SIGTERM stops every process it started, modules first.
 */
public final class Municipio1 {
    static final String MARKER = ".msg-municipio1";
    static final Duration CITY_WAIT = Duration.ofSeconds(360);
    static final Duration MODULES_WAIT = Duration.ofSeconds(360);

    private final Options options;
    private final PrintStream out = System.out;
    private final SecureRandom random = new SecureRandom();
    private final List<Child> modules = new ArrayList<>();
    private Child city;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-day");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final long began = System.nanoTime();

    private Municipio1(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Options options;
        try {
            Path jar = Path.of(Municipio1.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            options = Options.parse(args, jar.getParent() != null && jar.getParent().getParent() != null
                    ? jar.getParent().getParent().getParent() : null); // <root>/demo/target/msg-municipio1.jar
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Municipio1 demo = new Municipio1(options);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::stopAll, "demo-stop"));
        try {
            demo.run();
        } catch (Exception e) {
            System.err.println("La demo non è partita / the demo did not start: " + e.getMessage());
            System.exit(1); // the hook stops whatever was started
        }
    }

    private void run() throws Exception {
        Path root = options.root();
        Path cityJar = root.resolve("target-platform/target/msg-city.jar");
        Path moduleJar = root.resolve("target-platform/target/msg-demo.jar");
        for (Path p : List.of(cityJar, moduleJar))
            if (!Files.isRegularFile(p))
                throw new IOException(p + " is missing: build first (mvn -B -q install -DskipTests)");
        Path dir = freshDirectory(options.dir());
        Ports ports = new Ports(options.anyPorts());
        out.printf("Micro Smart Grid — Municipio 1: la città e %d moduli / the city and %d modules (%s)%n",
                Sites.MUNICIPIO_1.size(), Sites.MUNICIPIO_1.size(), dir);

        int cityHttp = ports.tcp(8090);
        int mqtt = ports.tcp(1883);
        Map<Site, ModuleCredential.Issued> brokerCredentials = new LinkedHashMap<>();
        for (Site s : Sites.MUNICIPIO_1) brokerCredentials.put(s, ModuleCredential.issue("milano", s.clientId(), random));
        String operatorPassword = password();
        PeopleDemo.Account moderator = new PeopleDemo.Account("moderazione@municipio1.demo", password());
        PeopleDemo.Account provider = new PeopleDemo.Account("lucia@municipio1.demo", password());
        CityConf.write(root.resolve("target-platform/msg-city/conf-demo"), dir.resolve("city/conf"), cityHttp, mqtt,
                brokerCredentials.values().stream().map(c -> c.credential().format()).toList(),
                hashLine("operator", operatorPassword), moderator.email());
        Files.createDirectories(dir.resolve("city/data"));
        city = Child.start("city", List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"), Map.of(),
                cityJar, dir.resolve("city/conf"), dir.resolve("city/data"), cityHttp, dir.resolve("city/city.log"));
        out.printf("  città avviata / city started (pid %d, log %s)%n", city.pid(), city.log);

        // the modules start meanwhile: they connect as soon as the broker listens (reconnect.max.s=5)
        JvmOptions moduleJvm = JvmOptions.read(root.resolve("target-platform/msg-module/module.jvm"));
        String startTime = options.start().toString();
        DemoDay day = new DemoDay(options.speed(), startTime, random.nextLong());
        Progress progress = new Progress(out, options.start().atZone(ZoneId.of("Europe/Rome")).toInstant(), options.speed());
        List<String[]> moduleLines = new ArrayList<>();
        int i = 0;
        for (Site s : Sites.MUNICIPIO_1) {
            i++;
            ModuleConf.Ports p = new ModuleConf.Ports(ports.tcp(8100 + i), ports.tcp(5020 + i), ports.udp(5700 + 2 * i),
                    ports.udp(5701 + 2 * i));
            Path home = dir.resolve(s.clientId());
            String installerPassword = password();
            ModuleConf.write(root.resolve("target-platform/msg-module/conf-demo"), home.resolve("conf"), s, p,
                    options.speed(), startTime, "tcp://127.0.0.1:" + mqtt, brokerCredentials.get(s).password(),
                    hashLine("installer", installerPassword), day.add(s, home.resolve("conf"), p.modbus()));
            Files.createDirectories(home.resolve("data"));
            Child m = Child.start(s.clientId(), moduleJvm.flags(), moduleJvm.environment(), moduleJar,
                    home.resolve("conf"), home.resolve("data"), p.http(), home.resolve("module.log"));
            modules.add(m);
            progress.watch(s.name(), p.http());
            moduleLines.add(new String[] {s.name(), "http://localhost:" + p.http(), installerPassword,
                    String.valueOf(m.pid())});
            out.printf("  modulo avviato / module started: %-22s (pid %d, log %s)%n", s.name(), m.pid(), m.log);
        }

        CityClient api = new CityClient(cityHttp);
        if (!api.awaitOk("/api/v1/points/none/reputation", CITY_WAIT))
            throw new IOException("the city did not answer within " + CITY_WAIT.toSeconds() + " s: see " + city.log);
        out.println("  città pronta / city ready: http://localhost:" + cityHttp + "/map/");

        PeopleDemo people = new PeopleDemo(api, new Mailbox(dir.resolve("city/data/city/mail-outbox")));
        String moderatorToken = people.moderator(moderator);
        String providerToken = people.provider(provider, "Lucia");
        List<String> listed = people.listAndApprove(providerToken, moderatorToken);
        out.println("  prese elencate dai cittadini / sockets listed by citizens: " + String.join(", ", listed));

        awaitModules(api);

        writeCredentials(dir, cityHttp, mqtt, operatorPassword, moderator, provider, moduleLines);
        printAddresses(dir, cityHttp, mqtt, operatorPassword, moderator, provider, moduleLines);

        day.begin();
        ticker.scheduleWithFixedDelay(() -> {
            try {
                day.tick();
            } catch (IOException | RuntimeException e) {
                out.println("  giornata / day: " + e);
            }
        }, 1, 1, TimeUnit.SECONDS);
        ticker.scheduleWithFixedDelay(progress::pollSessions, 2, 2, TimeUnit.SECONDS);
        ticker.scheduleWithFixedDelay(() -> progress.summary(api), 30, 30, TimeUnit.SECONDS);
        ticker.scheduleWithFixedDelay(this::printDeaths, 5, 5, TimeUnit.SECONDS);
        if (options.hours() > 0) {
            long seconds = (long) Math.ceil(options.hours() * 3600 / options.speed());
            out.printf("  si ferma da sola dopo %s ore simulate (%d s) / stops by itself after %s simulated hours%n",
                    options.hours(), seconds, options.hours());
            if (stopped.await(seconds, TimeUnit.SECONDS)) return;
            System.exit(0);
        }
        stopped.await();
    }

    /** Waits until the city's public API shows every site's module online with all its sockets. */
    private void awaitModules(CityClient api) throws Exception {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (Site s : Sites.MUNICIPIO_1) wanted.put(s.name(), s.sockets().size());
        long end = System.nanoTime() + MODULES_WAIT.toNanos();
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (seen.size() < wanted.size()) {
            if (System.nanoTime() > end)
                throw new IOException("modules not online in the city after " + MODULES_WAIT.toSeconds() + " s: "
                        + wanted.keySet().stream().filter(n -> !seen.contains(n)).toList() + " (see their module.log)");
            reportDeaths();
            try {
                CityClient.Answer a = api.get("/api/v1/locations?limit=500");
                if (a.status() == 200) {
                    for (var e : a.object().getAsJsonArray("items")) {
                        var p = e.getAsJsonObject();
                        String name = p.get("name").getAsString();
                        if (!wanted.containsKey(name) || seen.contains(name) || !p.get("monitored").getAsBoolean()) continue;
                        if (p.getAsJsonObject("module").get("online").getAsBoolean()
                                && p.getAsJsonArray("evses").size() == wanted.get(name)) {
                            seen.add(name);
                            out.printf("  %d/%d sulla mappa / on the map: %s (%d prese / sockets)%n", seen.size(),
                                    wanted.size(), name, wanted.get(name));
                        }
                    }
                }
            } catch (IOException notYet) {
                // the city is busy starting
            }
            Thread.sleep(1000);
        }
    }

    private final java.util.Set<String> reportedDead = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** While the demo runs: a process that exited by itself is told once (the others go on). */
    private void printDeaths() {
        if (stopped.getCount() == 0) return;
        for (Child c : all())
            if (!c.process.isAlive() && reportedDead.add(c.name))
                out.println("  " + c.name + " è terminato / exited (" + c.process.exitValue() + "): see " + c.log);
    }

    /** While starting: a process that exited stops the start. */
    private void reportDeaths() {
        if (stopped.getCount() == 0) return;
        for (Child c : all())
            if (!c.process.isAlive())
                throw new IllegalStateException(c.name + " è terminato / exited (" + c.process.exitValue() + "): see " + c.log);
    }

    private void printAddresses(Path dir, int cityHttp, int mqtt, String operatorPassword, PeopleDemo.Account moderator,
                                PeopleDemo.Account provider, List<String[]> moduleLines) {
        out.println();
        out.printf("Pronto in %d s / Ready in %d s. Ora simulata / simulated time %s (Milano), ×%s%n",
                elapsed(), elapsed(), options.start(), options.speed());
        out.println("  Mappa / Map:          http://localhost:" + cityHttp + "/map/");
        out.println("  API:                  http://localhost:" + cityHttp + "/api/v1/locations");
        out.println("  Console della città:  http://localhost:" + cityHttp + "/system/console   (operator / " + operatorPassword + ")");
        out.println("  Broker MQTT:          tcp://127.0.0.1:" + mqtt + "   (una credenziale per modulo / one credential per module)");
        out.println("  Moderatore / Moderator: " + moderator.email() + " / " + moderator.password());
        out.println("  Fornitrice / Provider:  " + provider.email() + " / " + provider.password());
        for (String[] m : moduleLines)
            out.printf("  %-22s %s/status   %s/system/console   (installer / %s)%n", m[0], m[1], m[1], m[2]);
        out.println("  Credenziali / Credentials: " + dir.resolve("credentials.txt"));
        out.println("Ctrl+C per fermare tutto / to stop everything.");
        out.println();
    }

    private void writeCredentials(Path dir, int cityHttp, int mqtt, String operatorPassword,
                                  PeopleDemo.Account moderator, PeopleDemo.Account provider,
                                  List<String[]> moduleLines) throws IOException {
        StringBuilder b = new StringBuilder("# Micro Smart Grid, Municipio 1 demo: generated for this run only\n");
        b.append("map=http://localhost:").append(cityHttp).append("/map/\n");
        b.append("city.console=http://localhost:").append(cityHttp).append("/system/console operator ").append(operatorPassword).append('\n');
        b.append("city.mqtt=tcp://127.0.0.1:").append(mqtt).append('\n');
        b.append("moderator=").append(moderator.email()).append(' ').append(moderator.password()).append('\n');
        b.append("provider=").append(provider.email()).append(' ').append(provider.password()).append('\n');
        for (String[] m : moduleLines)
            b.append("module=").append(m[0]).append(' ').append(m[1]).append(" installer ").append(m[2]).append(" pid ").append(m[3]).append('\n');
        Path file = dir.resolve("credentials.txt");
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private long elapsed() {
        return (System.nanoTime() - began) / 1_000_000_000L;
    }

    private List<Child> all() {
        List<Child> a = new ArrayList<>(modules);
        if (city != null) a.add(city);
        return a;
    }

    /** SIGTERM to every module, then to the city (the modules say goodbye on its broker first); waits for each. */
    private void stopAll() {
        if (stopped.getCount() == 0) return;
        stopped.countDown();
        ticker.shutdownNow();
        if (modules.isEmpty() && city == null) return;
        out.println("Arresto in corso / stopping…");
        try {
            for (Child m : modules) m.terminate();
            for (Child m : modules) m.awaitExit();
            if (city != null) {
                city.terminate();
                city.awaitExit();
            }
            out.println("Fermato: nessun processo rimasto / stopped: no process left.");
        } catch (InterruptedException e) {
            for (Child c : all()) c.process.destroyForcibly();
        }
    }

    /** A new run gets a new world: the folder is emptied, but only if an earlier run of this demo made it. */
    private static Path freshDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            boolean empty;
            try (var s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(dir.resolve(MARKER)))
                throw new IOException(dir + " exists and was not made by this demo: choose another --dir");
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) if (!p.equals(dir)) Files.delete(p);
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "made by the Municipio 1 demo launcher; emptied on its next run\n");
        return dir;
    }

    private String password() {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The console's account line; the accepted minimum of iterations: these passwords live as long as the run. */
    private String hashLine(String user, String password) {
        return user + ":" + PasswordHash.create(password.toCharArray(), PasswordHash.MIN_ITERATIONS, random).format();
    }
}
