package org.microsmartgrid.cloud.kura;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file of sent session-record keys survives restarts, forgets old keys and shrugs off a damaged file. */
class SentKeysTest {

    private static final Instant NOW = Instant.parse("2026-06-10T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void keysSurviveARestartAndOldOnesAreForgotten() throws Exception {
        Path file = dir.resolve("keys.txt");
        SentKeys before = SentKeys.open(file, Clock.fixed(NOW.minus(Duration.ofDays(9)), ZoneOffset.UTC));
        before.add("session:old:closed");
        SentKeys earlier = SentKeys.open(file, Clock.fixed(NOW.minus(Duration.ofDays(1)), ZoneOffset.UTC));
        earlier.add("session:recent:open");

        SentKeys now = SentKeys.open(file, Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(now.contains("session:recent:open"), "sent yesterday: still known after a restart");
        assertFalse(now.contains("session:old:closed"), "sent 9 days ago: forgotten (telemetry no longer looks)");
        assertFalse(Files.readString(file).contains("session:old"), "and dropped from the file");
    }

    @Test
    void aDamagedFileLosesOnlyItsBadLines() throws Exception {
        Path file = dir.resolve("keys.txt");
        byte[] garbage = new byte[3000];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);
        Files.writeString(file, "\n" + NOW.toEpochMilli() + " session:good:open\n\nnot-a-number key\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        SentKeys keys = SentKeys.open(file, Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(keys.contains("session:good:open"));
        keys.add("session:next:open");
        assertTrue(SentKeys.open(file, Clock.fixed(NOW, ZoneOffset.UTC)).contains("session:next:open"));
    }
}
