package org.microsmartgrid.cloud.kura;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of the session records Kura has accepted, kept in a small text file ("epoch-ms key" per line, UTF-8) so
 * that a restart re-scanning the recent sessions does not publish one twice. Keys older than {@link #KEEP} are
 * forgotten at the next open: telemetry looks at sessions closed in the last 7 days only.
 */
final class SentKeys {

    static final Duration KEEP = Duration.ofDays(8);
    private static final Logger LOG = LoggerFactory.getLogger(SentKeys.class);

    private final Map<String, Long> keys = new ConcurrentHashMap<>();
    private final Path file;
    private final Clock clock;

    private SentKeys(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    static SentKeys inMemory() {
        return new SentKeys(null, Clock.systemUTC());
    }

    /**
     * Reads the file (if any), drops what is older than {@link #KEEP} or unreadable (with a warning) and writes the
     * rest back atomically.
     */
    static SentKeys open(Path file, Clock clock) throws IOException {
        SentKeys k = new SentKeys(file, clock);
        long horizon = clock.millis() - KEEP.toMillis();
        int ignored = 0;
        if (Files.exists(file)) {
            // decoded leniently: a damaged file loses its bad lines, never the component's start
            for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                int space = line.indexOf(' ');
                try {
                    long at = Long.parseLong(line.substring(0, Math.max(space, 0)));
                    if (at >= horizon) k.keys.put(line.substring(space + 1), at);
                } catch (NumberFormatException e) {
                    ignored++;
                }
            }
        }
        if (ignored > 0) LOG.warn("{}: {} line(s) ignored (not \"epoch-ms key\"): the file was damaged", file, ignored);
        List<String> lines = new ArrayList<>();
        k.keys.forEach((key, at) -> lines.add(at + " " + key));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return k;
    }

    boolean contains(String key) {
        return keys.containsKey(key);
    }

    /** Remembers it, on disk before returning (a crash right after may only cause one duplicate, never a loss). */
    void add(String key) {
        long at = clock.millis();
        keys.put(key, at);
        if (file == null) return;
        try {
            Files.writeString(file, at + " " + key + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
        } catch (IOException e) {
            LOG.error("{}: session record key not saved ({}): it may be sent again after a restart", file,
                    e.getMessage());
        }
    }
}
