package org.microsmartgrid.cloud.kapua.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.telemetry.MessageClass;
import org.microsmartgrid.testing.FullDisk;
import org.microsmartgrid.testing.Stderr;

/**
 * A full disk (docs/cloud.md "A full disk"), with the real MVStore on a file system whose writes fail while "full"
 * ({@link FullDisk}): MVStore closes the outbox at the failed write; what is added meanwhile is held in memory, and
 * once the disk takes writes again the outbox opens itself at the next call (at most once every 10 s) and adds it.
 */
class OutboxFullDiskTest {
    static final long TEN_S = OutboxReopener.EVERY.toNanos();
    @TempDir
    Path dir;
    final AtomicLong nanos = new AtomicLong();

    Outbox outbox(int max) throws OutboxException {
        return Outbox.open(dir.resolve("outbox"), max, FullDisk.prefix(), nanos::get);
    }

    static Outbox.NewMessage message(String topic, MessageClass kind) {
        return new Outbox.NewMessage(UUID.randomUUID(), topic, kind, 0, topic.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> topics(Outbox o) throws OutboxException {
        return o.next(0, 1000).stream().map(OutboxMessage::topic).toList();
    }

    @Test
    void whatIsAddedWhileFullIsHeldAndAddedInOrderOnceSpaceReturnsWithoutARestart() throws Exception {
        String log = Stderr.of(() -> {
            try (Outbox o = outbox(100)) {
                o.addAll(List.of(message("before", MessageClass.TELEMETRY)));
                FullDisk.fill(dir);
                o.addAll(List.of(message("t1", MessageClass.TELEMETRY), message("e1", MessageClass.EVENT)));
                assertTrue(o.addOnce("session:1:closed", UUID.randomUUID(), "s1", MessageClass.SESSION, 0, new byte[1]),
                        "held: queued as far as the producer is concerned");
                assertFalse(o.addOnce("session:1:closed", UUID.randomUUID(), "s1", MessageClass.SESSION, 0,
                        new byte[1]), "and known: not held twice");
                assertEquals(List.of(), topics(o), "nothing to send while closed");
                assertEquals(4, o.size());
                String problem = OutboxHealth.problems(o, "pid").get(0).message();
                assertTrue(problem.contains(Outbox.fileOf(dir.resolve("outbox")).toString()), problem);

                FullDisk.free(dir);
                o.addAll(List.of(message("t2", MessageClass.TELEMETRY))); // no try due yet: held
                nanos.addAndGet(TEN_S);
                o.addAll(List.of(message("t3", MessageClass.TELEMETRY)));
                assertEquals(List.of("before", "t1", "e1", "s1", "t2", "t3"), topics(o));
                assertTrue(OutboxHealth.problems(o, "pid").isEmpty(), "/status ok again");
                assertTrue(o.knows("session:1:closed"), "the key is stored with its message");
            }
            try (Outbox o = Outbox.open(dir.resolve("outbox"), 100)) {
                assertEquals(List.of("before", "t1", "e1", "s1", "t2", "t3"), topics(o), "on the disk");
            }
        });
        assertEquals(1, Stderr.count(log, "closed after a failed write"), log);
        assertEquals(1, Stderr.count(log, "reopened, 1 message(s) queued; 4 held"), log);
    }

    @Test
    void acknowledgementsWhileClosedAreAppliedAndTheDropRuleHoldsOnceBack() throws Exception {
        try (Outbox o = outbox(10)) {
            for (int i = 0; i < 4; i++) o.add(UUID.randomUUID(), "old" + i, MessageClass.TELEMETRY, 0, new byte[1]);
            List<OutboxMessage> inFlight = o.next(0, 2);
            FullDisk.fill(dir);
            o.delivered(inFlight.stream().map(OutboxMessage::seq).toList()); // the broker's acks, while full
            for (int i = 0; i < 3; i++) o.add(UUID.randomUUID(), "s" + i, MessageClass.SESSION, 0, new byte[1]);
            for (int i = 0; i < 8; i++) o.add(UUID.randomUUID(), "t" + i, MessageClass.TELEMETRY, 0, new byte[1]);
            for (int i = 0; i < 3; i++) {
                nanos.addAndGet(TEN_S); // tries while still full fail
                assertEquals(List.of(), topics(o));
            }
            FullDisk.free(dir);
            nanos.addAndGet(TEN_S);
            // 2 acked of 4, then 3 sessions and 8 telemetry into 10: the oldest telemetry goes, as if never full
            assertEquals(List.of("s0", "s1", "s2", "t1", "t2", "t3", "t4", "t5", "t6", "t7"), topics(o));
            assertEquals(10, o.size());
        }
    }

    @Test
    void heldMessagesAreBoundedTelemetryDroppedFirst() {
        HeldMessages held = new HeldMessages(3);
        held.add(List.of(message("t0", MessageClass.TELEMETRY), message("s0", MessageClass.SESSION)), null);
        held.add(List.of(message("e0", MessageClass.EVENT)), null);
        held.add(List.of(message("t1", MessageClass.TELEMETRY)), null);
        held.add(List.of(message("s1", MessageClass.SESSION)), "k");
        assertEquals(3, held.size());
        assertEquals(List.of("s0", "e0", "s1"), held.calls().stream().flatMap(h -> h.messages().stream())
                .map(Outbox.NewMessage::topic).toList());
    }
}
