package org.microsmartgrid.cloud.kapua.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.telemetry.MessageClass;

class OutboxTest {

    @TempDir
    Path dir;

    private static long add(Outbox o, MessageClass kind, String topic) throws Exception {
        return o.add(UUID.randomUUID(), topic, kind, System.currentTimeMillis(), topic.getBytes());
    }

    @Test
    void messagesLeaveInOrderAndOnlyWhenDelivered() throws Exception {
        try (Outbox o = Outbox.open(dir.resolve("outbox"), 100)) {
            long a = add(o, MessageClass.TELEMETRY, "a");
            long b = add(o, MessageClass.EVENT, "b");
            long c = add(o, MessageClass.SESSION, "c");
            assertEquals(List.of("a", "b", "c"), o.next(0, 10).stream().map(OutboxMessage::topic).toList());
            assertEquals(List.of("b", "c"), o.next(a, 10).stream().map(OutboxMessage::topic).toList());
            o.delivered(b);
            assertEquals(List.of("a", "c"), o.next(0, 10).stream().map(OutboxMessage::topic).toList());
            assertEquals(2, o.size());
            assertTrue(c > b && b > a);
        }
    }

    @Test
    void whatIsQueuedSurvivesAReopenWithItsIdsAndOrder() throws Exception {
        UUID id = UUID.randomUUID();
        try (Outbox o = Outbox.open(dir.resolve("outbox"), 100)) {
            o.add(id, "first", MessageClass.SESSION, 5, new byte[] {9});
            add(o, MessageClass.TELEMETRY, "second");
        }
        try (Outbox o = Outbox.open(dir.resolve("outbox"), 100)) {
            List<OutboxMessage> all = o.next(0, 10);
            assertEquals(2, o.size());
            assertEquals(id, all.get(0).id());
            assertEquals(MessageClass.SESSION, all.get(0).kind());
            assertEquals(5, all.get(0).created());
            assertEquals("second", all.get(1).topic());
            long third = add(o, MessageClass.TELEMETRY, "third");
            assertTrue(third > all.get(1).seq(), "new messages go after the old ones");
        }
    }

    @Test
    void whenFullTelemetryIsDroppedFirstAndSessionsLast() throws Exception {
        try (Outbox o = Outbox.open(dir.resolve("outbox"), 10)) {
            add(o, MessageClass.SESSION, "s0");
            add(o, MessageClass.EVENT, "e0");
            for (int i = 0; i < 8; i++) add(o, MessageClass.TELEMETRY, "t" + i);
            add(o, MessageClass.SESSION, "s1"); // full: the oldest telemetry goes
            List<String> topics = o.next(0, 100).stream().map(OutboxMessage::topic).toList();
            assertEquals(10, topics.size());
            assertFalse(topics.contains("t0"));
            assertTrue(topics.containsAll(List.of("s0", "e0", "s1")));
            assertEquals(1, o.dropped());

            for (int i = 0; i < 7; i++) add(o, MessageClass.SESSION, "x" + i); // only sessions and one event left
            topics = o.next(0, 100).stream().map(OutboxMessage::topic).toList();
            assertTrue(topics.stream().noneMatch(t -> t.startsWith("t")), "every telemetry message went first");
            add(o, MessageClass.SESSION, "y");
            topics = o.next(0, 100).stream().map(OutboxMessage::topic).toList();
            assertFalse(topics.contains("e0"), "then the event");
            assertTrue(topics.contains("s0"), "sessions last");
            assertEquals(10, o.size());
        }
    }

    @Test
    void addOnceIsIdempotentAcrossDeliveryAndReopen() throws Exception {
        try (Outbox o = Outbox.open(dir.resolve("outbox"), 100)) {
            assertTrue(o.addOnce("session:1:closed", UUID.randomUUID(), "s", MessageClass.SESSION, 1, new byte[0]));
            assertFalse(o.addOnce("session:1:closed", UUID.randomUUID(), "s", MessageClass.SESSION, 1, new byte[0]));
            o.delivered(o.next(0, 1).get(0).seq());
        }
        try (Outbox o = Outbox.open(dir.resolve("outbox"), 100)) {
            assertFalse(o.addOnce("session:1:closed", UUID.randomUUID(), "s", MessageClass.SESSION, 1, new byte[0]),
                    "delivered before the restart: not sent again");
            assertEquals(0, o.size());
            assertEquals(1, o.forgetKeys(2));
            assertTrue(o.addOnce("session:1:closed", UUID.randomUUID(), "s", MessageClass.SESSION, 1, new byte[0]));
        }
    }

    @Test
    void aBatchGoesInTogetherAndMakesRoomForItself() throws Exception {
        try (Outbox o = Outbox.open(dir.resolve("outbox"), 10)) {
            for (int i = 0; i < 9; i++) add(o, MessageClass.TELEMETRY, "t" + i);
            o.addAll(List.of(
                    new Outbox.NewMessage(UUID.randomUUID(), "e", MessageClass.EVENT, 1, new byte[0]),
                    new Outbox.NewMessage(UUID.randomUUID(), "s", MessageClass.SESSION, 1, new byte[0]),
                    new Outbox.NewMessage(UUID.randomUUID(), "t9", MessageClass.TELEMETRY, 1, new byte[0])));
            List<String> topics = o.next(0, 100).stream().map(OutboxMessage::topic).toList();
            assertEquals(List.of("t2", "t3", "t4", "t5", "t6", "t7", "t8", "e", "s", "t9"), topics,
                    "the two oldest telemetry messages made room; the batch kept its order");
            o.delivered(o.next(0, 3).stream().map(OutboxMessage::seq).toList());
            assertEquals(7, o.size());
        }
    }
}
