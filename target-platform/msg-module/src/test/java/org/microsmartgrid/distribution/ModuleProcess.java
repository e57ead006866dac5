package org.microsmartgrid.distribution;

import org.microsmartgrid.cloud.kapua.testing.EmbeddedBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The exported demo module (the production module plus the simulated building every test here drives), started as
 * run-demo.sh starts it ({@code java <module.jvm flags> -jar msg-demo.jar}) in its own process, with a configuration
 * directory and an HTTP port of the test's choosing. Its output goes to target/it-logs/.
 */
final class ModuleProcess implements AutoCloseable {

    final Path confDir;
    final int httpPort;
    final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ModuleProcess(Path confDir, int httpPort, Path log, Process process) {
        this.confDir = confDir;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    static ModuleProcess start(String name, Path confDir, int httpPort) throws IOException {
        return start(name, confDir, httpPort, Files.createTempDirectory("msg-data-" + name));
    }

    /** Starts with a given data directory, so that a second start finds what the first one left (sessions). */
    static ModuleProcess start(String name, Path confDir, int httpPort, Path dataDir) throws IOException {
        return start(name, confDir, httpPort, dataDir, java.util.Map.of());
    }

    /** Starts with extra environment variables (e.g. what systemd gives a service). */
    static ModuleProcess start(String name, Path confDir, int httpPort, Path dataDir, java.util.Map<String, String> env)
            throws IOException {
        Path jar = Path.of(System.getProperty("msg.demo.jar"));
        Path logDir = Path.of("target", "it-logs");
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        Path workDir = Files.createTempDirectory("msg-module-" + name);
        ShippedJvmOptions shipped = ShippedJvmOptions.read();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(shipped.flags());
        cmd.addAll(List.of(
                "-Dmsg.conf=" + confDir.toAbsolutePath(),
                "-Dmsg.data=" + dataDir.toAbsolutePath(),
                "-Dmsg.demo=true", // the simulated building's relays are on Pi4J's mock chip
                "-Dorg.osgi.service.http.port=" + httpPort,
                "-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(shipped.environment());
        builder.environment().putAll(env);
        Process p = builder.start();
        return new ModuleProcess(confDir, httpPort, log, p);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Replaces one configuration file of the running module in one step (temp file + atomic move), so FileInstall
     * never reads half of it.
     */
    void replaceConfig(String fileName, String content) throws IOException {
        Path tmp = Files.createTempFile(confDir, "replace", ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, confDir.resolve(fileName), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Gives the configuration an installer account (the module refuses its console without one), with a password. */
    static void addInstaller(Path conf, String user, String password) throws IOException {
        String hash = org.microsmartgrid.console.auth.PasswordHash.create(password.toCharArray(),
                org.microsmartgrid.console.auth.PasswordHash.MIN_ITERATIONS, new java.security.SecureRandom()).format();
        Files.writeString(conf.resolve("org.microsmartgrid.console.InstallerAuthentication.config"),
                "users=[\"" + user + ":" + hash + "\"]\n", StandardCharsets.UTF_8);
    }

    /** An installer account whose password the test does not need. */
    static void addInstaller(Path conf) throws IOException {
        addInstaller(conf, "installer", "not used in this test");
    }

    /**
     * Points the module's cloud link at the test's broker, as account {@code milano} and the given client id, with
     * the broker's test credentials; {@code extra} are further lines of the same file ({@code display.name="..."}).
     */
    static void linkToBroker(Path conf, EmbeddedBroker broker, String clientId, String... extra) throws IOException {
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(
                "broker.url=\"" + broker.url() + "\"", "account.name=\"milano\"", "client.id=\"" + clientId + "\"",
                "username=\"" + EmbeddedBroker.USER + "\"", "password=\"" + EmbeddedBroker.PASSWORD + "\""));
        lines.addAll(java.util.List.of(extra));
        lines.add("");
        Files.writeString(conf.resolve("org.microsmartgrid.cloud.kapua.KapuaCloudLink.config"), String.join("\n", lines),
                StandardCharsets.UTF_8);
    }

    static int freeUdpPort() throws IOException {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Copies a configuration directory, replacing placeholder strings (ports, secrets) in every file. The CoAP ports
     * of the demo (5683/5684) become free ones unless the caller replaces them itself, so that tests never collide
     * with a module already running on the machine.
     */
    static Path copyConf(Path from, String... replacements) throws IOException {
        Path to = Files.createTempDirectory("msg-conf");
        String coap = "coap.port=I\"" + freeUdpPort() + "\"";
        String coaps = "coaps.port=I\"" + freeUdpPort() + "\"";
        try (var files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (int i = 0; i + 1 < replacements.length; i += 2) text = text.replace(replacements[i], replacements[i + 1]);
                text = text.replace("coap.port=I\"5683\"", coap).replace("coaps.port=I\"5684\"", coaps);
                Files.writeString(to.resolve(f.getFileName()), text, StandardCharsets.UTF_8);
            }
        }
        return to;
    }

    /**
     * Puts the demo's simulated building at a quiet hour (03:00, 400 W, no sun), whatever the wall clock says. The
     * demo building follows Milan's time of day: at its evening peak (20:00 ± 1.5 h Italian time) it draws ~2.9 kW of
     * its 3 kW contract and the loop rightly keeps new sessions waiting for headroom, which a test that needs a
     * socket charging must not depend on.
     */
    static void quietHour(Path conf) throws IOException {
        Path sim = conf.resolve("org.microsmartgrid.simulator.SimulatedBuilding.config");
        Files.writeString(sim, Files.readString(sim, StandardCharsets.UTF_8) + "start.time=\"2026-06-10T03:00\"\n",
                StandardCharsets.UTF_8);
    }

    HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (user != null) b.header("Authorization", basic(user, password));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, String form, String user, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Origin", "http://127.0.0.1:" + httpPort)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (user != null) b.header("Authorization", basic(user, password));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls /status until the predicate holds; fails with the last status and the log tail after the timeout. */
    JsonObject awaitStatus(String what, Duration timeout, Predicate<JsonObject> condition) throws Exception {
        Instant end = Instant.now().plus(timeout);
        String last = "(no answer)";
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) throw new AssertionError("module exited while waiting for " + what + "\n" + logTail());
            try {
                HttpResponse<String> r = get("/status", null, null);
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200) {
                    JsonObject status = JsonParser.parseString(r.body()).getAsJsonObject();
                    if (condition.test(status)) return status;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what + "; last /status: " + last + "\n" + logTail());
    }

    /**
     * Waits until every bundle is active and every configuration file in the module's folder has been applied.
     * FileInstall starts last and hands the files over one by one, so "every bundle active" alone leaves a test
     * racing the configurations (on a slow machine a relay or a meter is still missing).
     */
    JsonObject awaitConfigured(Duration timeout) throws Exception {
        java.util.Set<String> singletons = new java.util.HashSet<>();
        int relays = 0;
        int meters = 0;
        try (var files = Files.list(confDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".config")) continue;
                String pid = name.substring(0, name.length() - ".config".length());
                if (pid.startsWith("org.microsmartgrid.relay.gpio.GpioRelay-")) relays++;
                else if (pid.startsWith("org.microsmartgrid.meter.modbus.ModbusMeter-")) meters++;
                else if (!pid.contains("-")) singletons.add(pid);
            }
        }
        int wantRelays = relays;
        int wantMeters = meters;
        return awaitStatus("every bundle active, " + wantRelays + " relays, " + wantMeters + " meters and " + singletons
                + " configured", timeout, s -> {
                    if (!s.getAsJsonObject("health").getAsJsonObject("bundles").getAsJsonArray("notActive").isEmpty())
                        return false;
                    if (s.getAsJsonArray("relays").size() != wantRelays || s.getAsJsonArray("meters").size() != wantMeters)
                        return false;
                    for (var c : s.getAsJsonObject("health").getAsJsonObject("components").getAsJsonArray("notActive")) {
                        var o = c.getAsJsonObject();
                        if (o.get("state").getAsString().equals("UNSATISFIED_CONFIGURATION")
                                && singletons.contains(o.get("name").getAsString())) return false;
                    }
                    return true;
                });
    }

    /** {@link #awaitConfigured} and then every meter GOOD: the loop runs on real readings, not the safe state. */
    JsonObject awaitReady(Duration timeout) throws Exception {
        awaitConfigured(timeout);
        return awaitStatus("every meter GOOD", timeout, s -> s.getAsJsonArray("meters").asList().stream()
                .allMatch(m -> "GOOD".equals(m.getAsJsonObject().get("quality").getAsString())));
    }

    /**
     * Waits until the web console lets this installer in. The account's configuration may arrive after every bundle
     * is active (FileInstall starts last), and the console binds the security provider after that.
     */
    void awaitConsole(String user, String password, Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(end)) {
            last = get("/system/console/bundles", user, password);
            if (last.statusCode() == 200) return;
            Thread.sleep(250);
        }
        throw new AssertionError("the web console did not let installer '" + user + "' in: "
                + (last == null ? "no answer" : last.statusCode() + " " + last.body()) + "\n" + logTail());
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    String logTail() throws IOException {
        String text = logText();
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A power cut, as far as the process can tell: SIGKILL, no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /**
     * SIGTERM, what {@code systemctl stop} sends, and waits for the process to exit.
     *
     * @return the exit code, or null if the process was still running after the timeout (then it is killed)
     */
    Integer terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) return process.exitValue();
        process.destroyForcibly().waitFor();
        return null;
    }

    @Override
    public void close() throws Exception {
        process.destroy(); // SIGTERM: the framework stops bundles (relays off) on the shutdown hook
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
