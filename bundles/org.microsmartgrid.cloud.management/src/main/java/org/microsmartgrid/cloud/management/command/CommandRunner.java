package org.microsmartgrid.cloud.management.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of a fixed list of diagnostic commands: a fixed argv, no shell (so no ;, |, $() or globbing), no
 * environment or directory from the request, stdin closed, a time limit and a cap on the output kept.
 */
final class CommandRunner {
    /** The command line as typed in Kapua's Command tab, and the argv run for it. */
    static final Map<String, List<String>> ALLOWED = Map.of(
            "uptime", List.of("uptime"),
            "df -h", List.of("df", "-h"),
            "free -m", List.of("free", "-m"),
            "ip addr", List.of("ip", "addr"),
            "date", List.of("date"),
            "uname -a", List.of("uname", "-a"));

    record Result(String stdout, String stderr, int exitCode, boolean timedOut) {
    }

    private CommandRunner() {
    }

    /** The argv of an allowed command line (words separated by any white space), if it is allowed. */
    static Optional<List<String>> allowed(List<String> words) {
        return Optional.ofNullable(ALLOWED.get(String.join(" ", words)));
    }

    static Result run(List<String> argv, Duration timeout, int maxBytes) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().keySet().retainAll(List.of("PATH", "LANG", "LC_ALL"));
        Process p = pb.start();
        Capped out = new Capped(p.getInputStream(), maxBytes);
        Capped err = new Capped(p.getErrorStream(), maxBytes);
        out.start();
        err.start();
        boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        out.join(2000);
        err.join(2000);
        return new Result(out.text(), err.text(), finished ? p.exitValue() : -1, !finished);
    }

    /** Reads a stream to its end, keeping at most maxBytes (the rest is read and dropped, so the child never blocks). */
    private static final class Capped extends Thread {
        private final InputStream in;
        private final int maxBytes;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile boolean truncated;

        Capped(InputStream in, int maxBytes) {
            super("cmd-v1-output");
            setDaemon(true);
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public void run() {
            byte[] buf = new byte[4096];
            try (in) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    int keep = Math.min(n, maxBytes - kept.size());
                    if (keep > 0) kept.write(buf, 0, keep);
                    if (keep < n) truncated = true;
                }
            } catch (IOException e) {
                // the process was killed: keep what was read
            }
        }

        synchronized String text() {
            String s = kept.toString(StandardCharsets.UTF_8);
            return truncated ? s + "\n[output truncated at " + maxBytes + " bytes]" : s;
        }
    }
}
