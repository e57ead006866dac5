package org.microsmartgrid.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One runtime of the demo (the city or a module) as an operator starts it, {@code java <flags> -jar <jar>}, in its
 * own process, its output in a log file. Stopped with SIGTERM, as systemd and Ctrl-C stop it, so it closes its
 * databases and says goodbye on MQTT; SIGKILL only if it has not exited 30 s later.
 */
final class Child {
    final String name;
    final Process process;
    final Path log;

    private Child(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static Child start(String name, List<String> jvmFlags, Map<String, String> env, Path jar, Path conf, Path data,
                       int httpPort, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-Dorg.apache.felix.http.host=127.0.0.1", "-Dmsg.conf=" + conf.toAbsolutePath(),
                "-Dmsg.data=" + data.toAbsolutePath(), "-Dorg.osgi.service.http.port=" + httpPort,
                "-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(data.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        return new Child(name, pb.start(), log);
    }

    long pid() {
        return process.pid();
    }

    /** Sends SIGTERM (the JVM's shutdown: the framework stops its bundles). */
    void terminate() {
        process.destroy();
    }

    /** Waits for the exit after {@link #terminate()}; SIGKILL after 30 s. */
    void awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            System.err.println(name + ": non si è fermato in 30 s, SIGKILL / did not stop within 30 s, SIGKILL");
            process.destroyForcibly().waitFor();
        }
    }
}
