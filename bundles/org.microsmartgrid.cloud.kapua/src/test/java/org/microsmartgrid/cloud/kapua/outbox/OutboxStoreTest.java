package org.microsmartgrid.cloud.kapua.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.telemetry.MessageClass;

/** The outbox's own store (MVStore): what a crash leaves, a damaged entry, a file that is not a store. */
class OutboxStoreTest {

    @TempDir
    Path dir;

    @Test
    void aCrashKeepsEveryMessageAddHadReturnedForWithItsContentAndOrder() throws Exception {
        Path path = dir.resolve("outbox");
        UUID first = UUID.randomUUID();
        byte[] payload = {1, 2, 3, (byte) 0xff};
        Outbox o = Outbox.open(path, 100);
        long a = o.add(first, "milano/dev/msg/site", MessageClass.TELEMETRY, 1_700_000_000_000L, payload);
        o.addAll(List.of(new Outbox.NewMessage(UUID.randomUUID(), "città/è", MessageClass.EVENT, 2, new byte[0]),
                new Outbox.NewMessage(UUID.randomUUID(), "s", MessageClass.SESSION, 3, new byte[] {7})));
        o.delivered(o.next(a, 1).get(0).seq()); // the event was acknowledged before the crash
        o.crash();

        try (Outbox again = Outbox.open(path, 100)) {
            List<OutboxMessage> left = again.next(0, 10);
            assertEquals(List.of("milano/dev/msg/site", "s"), left.stream().map(OutboxMessage::topic).toList());
            assertEquals(2, again.size());
            OutboxMessage m = left.get(0);
            assertEquals(a, m.seq());
            assertEquals(first, m.id());
            assertEquals(MessageClass.TELEMETRY, m.kind());
            assertEquals(1_700_000_000_000L, m.created());
            assertArrayEquals(payload, m.payload());
            assertArrayEquals(new byte[] {7}, left.get(1).payload());
            long next = again.add(UUID.randomUUID(), "after", MessageClass.TELEMETRY, 4, new byte[0]);
            assertTrue(next > left.get(1).seq(), "numbering goes on after a crash, never reused");
        }
    }

    @Test
    void numbersAreNeverReusedEvenWhenTheOutboxWasEmptied() throws Exception {
        Path path = dir.resolve("outbox");
        long last;
        try (Outbox o = Outbox.open(path, 100)) {
            last = o.add(UUID.randomUUID(), "t", MessageClass.TELEMETRY, 1, new byte[0]);
            o.delivered(last);
        }
        try (Outbox o = Outbox.open(path, 100)) {
            assertEquals(0, o.size());
            assertTrue(o.add(UUID.randomUUID(), "t", MessageClass.TELEMETRY, 1, new byte[0]) > last);
        }
    }

    @Test
    void anUnreadableEntryIsSetAsideWithAnErrorNamingTheFileAndTheOthersAreSent() throws Exception {
        Path path = dir.resolve("outbox");
        long bad;
        try (Outbox o = Outbox.open(path, 100)) {
            o.add(UUID.randomUUID(), "before", MessageClass.TELEMETRY, 1, new byte[] {1});
            bad = o.add(UUID.randomUUID(), "damaged", MessageClass.EVENT, 2, new byte[] {2});
            o.add(UUID.randomUUID(), "after", MessageClass.SESSION, 3, new byte[] {3});
            assertEquals(List.of(), OutboxHealth.problems(o, "pid"), "every entry readable: nothing on /status");
        }
        // damage the event's entry as a failing SD card or a foreign writer could: a version we do not know
        try (MVStore s = new MVStore.Builder().fileName(Outbox.fileOf(path).toString()).open()) {
            MVMap<Long, byte[]> events = s.openMap(Outbox.QUEUE_PREFIX + "EVENT", Outbox.queueType());
            byte[] b = events.get(bad);
            b[0] = 9;
            events.put(bad, b);
        }

        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<OutboxMessage> sent;
        try (Outbox o = Outbox.open(path, 100)) {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                sent = o.next(0, 10);
            } finally {
                System.setErr(err);
            }
            assertEquals(List.of("before", "after"), sent.stream().map(OutboxMessage::topic).toList());
            assertEquals(2, o.size(), "the damaged entry is no longer counted as waiting");
            assertEquals(1, o.setAside());
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains(Outbox.fileOf(path).toString()) && logged.contains("message " + bad)
                && logged.contains("unknown format version 9"), logged);

        try (Outbox o = Outbox.open(path, 100)) {
            assertEquals(List.of("before", "after"), o.next(0, 10).stream().map(OutboxMessage::topic).toList());
            assertEquals(1, o.setAside(), "kept in the file for inspection, never sent");
            // and /status says so, naming the file, until someone deals with it
            List<org.microsmartgrid.api.health.HealthProblems.Problem> problems = OutboxHealth.problems(o, "pid");
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).message().contains(Outbox.fileOf(path).toString()), problems.toString());
        }
    }

    @Test
    void aFileThatIsNotAnOutboxIsRefusedNamingItAndLeftAsItWas() throws Exception {
        Path path = dir.resolve("outbox");
        byte[] junk = "this is not an MVStore file, but someone's notes".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(Outbox.fileOf(path), junk);
        OutboxException e = assertThrows(OutboxException.class, () -> Outbox.open(path, 100));
        assertTrue(e.getMessage().contains(Outbox.fileOf(path).toString()), e.getMessage());
        assertArrayEquals(junk, Files.readAllBytes(Outbox.fileOf(path)));
    }

    @Test
    void everyFieldSurvivesTheEncodingAndDamageIsRefusedNotGuessed() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] bytes = StoredMessageCodec.encode(id, "a/b/ü", MessageClass.SESSION, -5, new byte[] {0, 1});
        OutboxMessage m = StoredMessageCodec.decode(3, bytes);
        assertEquals(List.of(3L, id, "a/b/ü", MessageClass.SESSION, -5L),
                List.of(m.seq(), m.id(), m.topic(), m.kind(), m.created()));
        assertArrayEquals(new byte[] {0, 1}, m.payload());
        assertEquals(StoredMessageCodec.VERSION, bytes[0], "the first byte says the format");
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(bytes, cut);
            assertThrows(StoredMessageCodec.CorruptEntry.class, () -> StoredMessageCodec.decode(3, truncated),
                    "cut at " + cut);
        }
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(StoredMessageCodec.CorruptEntry.class, () -> StoredMessageCodec.decode(3, longer));
        byte[] badKind = bytes.clone();
        badKind[1] = 7;
        assertThrows(StoredMessageCodec.CorruptEntry.class, () -> StoredMessageCodec.decode(3, badKind));
    }
}
