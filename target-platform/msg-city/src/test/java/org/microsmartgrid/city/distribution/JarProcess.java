package org.microsmartgrid.city.distribution;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An exported runtime (city or module) started as an operator starts it, {@code java <flags> -jar <jar>}, in its own
 * process with its own configuration and data directories; output in target/it-logs/.
 */
final class JarProcess implements AutoCloseable {

    final Path conf;
    final int httpPort;
    final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private JarProcess(Path conf, int httpPort, Path log, Process process) {
        this.conf = conf;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    static JarProcess start(String name, Path jar, List<String> jvmFlags, Path conf, int httpPort) throws IOException {
        Path logDir = Path.of("target", "it-logs");
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-Dmsg.conf=" + conf.toAbsolutePath(),
                "-Dmsg.data=" + Files.createTempDirectory("msg-data-" + name).toAbsolutePath(),
                "-Dorg.osgi.service.http.port=" + httpPort, "-jar", jar.toAbsolutePath().toString()));
        Process p = new ProcessBuilder(cmd).directory(Files.createTempDirectory("msg-run-" + name).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new JarProcess(conf, httpPort, log, p);
    }

    /** The module's JVM flags as shipped (target-platform/msg-module/module.jvm): lines starting with "-". */
    static List<String> moduleJvmFlags() throws IOException {
        return Files.readAllLines(Path.of(System.getProperty("msg.module.jvm"))).stream().map(String::strip)
                .filter(l -> l.startsWith("-")).toList();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static int freeUdpPort() throws IOException {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Puts a module's simulated building at a quiet hour (03:00, 400 W, no sun), whatever the wall clock says: at the
     * demo building's evening peak (20:00 ± 1.5 h Italian time) it draws ~2.9 kW of its 3 kW contract and the loop
     * rightly keeps a new session waiting for headroom; a test that needs an e-bike charging must not depend on that.
     */
    static void quietHour(Path moduleConf) throws IOException {
        Path sim = moduleConf.resolve("org.microsmartgrid.simulator.SimulatedBuilding.config");
        Files.writeString(sim, Files.readString(sim) + "start.time=\"2026-06-10T03:00\"\n");
    }

    /** Copies a configuration directory, replacing strings in every file. */
    static Path copyConf(Path from, String... replacements) throws IOException {
        Path to = Files.createTempDirectory("msg-conf");
        try (var files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (int i = 0; i + 1 < replacements.length; i += 2) text = text.replace(replacements[i], replacements[i + 1]);
                Files.writeString(to.resolve(f.getFileName()), text, StandardCharsets.UTF_8);
            }
        }
        return to;
    }

    /** Replaces one configuration file in one step, so FileInstall never reads half of it. */
    void replaceConfig(String fileName, String content) throws IOException {
        Path tmp = Files.createTempFile(conf, "replace", ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, conf.resolve(fileName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** Polls GET path until the answer satisfies the condition; fails with the last answer and the log tail. */
    HttpResponse<String> await(String what, String path, Duration timeout, Predicate<HttpResponse<String>> condition)
            throws Exception {
        Instant end = Instant.now().plus(timeout);
        String last = "(no answer)";
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) throw new AssertionError("process exited while waiting for " + what + "\n" + logTail());
            try {
                HttpResponse<String> r = get(path);
                last = r.statusCode() + " " + r.body();
                if (condition.test(r)) return r;
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + "; last " + path + ": "
                + (last.length() > 3000 ? last.substring(0, 3000) : last) + "\n" + logTail());
    }

    /** Waits until the process's output holds the text; fails with the log tail. */
    void awaitLog(String text, Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) return;
            if (!process.isAlive()) break;
            Thread.sleep(200);
        }
        throw new AssertionError("no \"" + text + "\" in the output\n" + logTail());
    }

    String logTail() throws IOException {
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    /** SIGTERM, as systemctl stop sends it: waits for the process to exit and returns its exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
            throw new AssertionError("still running " + timeout.toSeconds() + " s after SIGTERM");
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no DC message. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
