package org.microsmartgrid.city.distribution;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's mosquitto ({@code apt-get install mosquitto}, see .ci/run) on a free loopback port with a generated
 * configuration: no anonymous access, one password per user, an access list like the city's (each module writes only
 * under its own topics; the city reads everything).
 */
final class Mosquitto implements AutoCloseable {

    final int port;
    final Path dir;
    private final Process process;

    private Mosquitto(int port, Path dir, Process process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    /** @param users user name → password; the user "city" may read every module's topics */
    static Mosquitto start(String account, Map<String, String> users) throws IOException, InterruptedException {
        Path bin = Path.of("/usr/sbin/mosquitto");
        if (!Files.isExecutable(bin))
            throw new IllegalStateException("mosquitto not installed: apt-get install mosquitto (.ci/run does it)");
        // mosquitto started as root drops to its own user: everything it reads must be readable by others
        Path dir = Files.createTempDirectory("msg-mosquitto");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path passwd = dir.resolve("passwd");
        Files.createFile(passwd);
        for (var u : users.entrySet()) {
            Process p = new ProcessBuilder("mosquitto_passwd", "-b", passwd.toString(), u.getKey(), u.getValue())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IOException("mosquitto_passwd: " + out);
        }
        Path acl = dir.resolve("acl");
        Files.writeString(acl, String.join("\n",
                "user city", "topic read #", "topic read $EDC/#",
                "pattern write " + account + "/%u/#", "pattern write $EDC/" + account + "/%u/#",
                "pattern read $EDC/" + account + "/%u/#", ""));
        int port = JarProcess.freePort();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous false",
                "password_file " + passwd,
                "acl_file " + acl,
                "persistence false",
                // what an instance has not acknowledged waits for it: never dropped for a full queue
                "max_queued_messages 0",
                "log_type error", "log_type warning", "log_type notice", "log_type information", ""));
        for (Path f : List.of(passwd, acl, conf)) Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        Path log = Path.of("target", "it-logs", "mosquitto.log");
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(bin.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Instant end = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(end)) {
            if (!p.isAlive()) throw new IOException("mosquitto exited: " + Files.readString(log));
            try (Socket s = new Socket("127.0.0.1", port)) {
                return new Mosquitto(port, dir, p);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IOException("mosquitto did not listen on " + port);
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
