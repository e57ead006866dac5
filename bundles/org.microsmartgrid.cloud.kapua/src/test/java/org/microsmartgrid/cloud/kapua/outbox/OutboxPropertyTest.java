package org.microsmartgrid.cloud.kapua.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.microsmartgrid.telemetry.MessageClass;
import org.microsmartgrid.testing.FullDisk;

/**
 * Any sequence of adds, acknowledgements, crashes (kill -9: the store not closed), clean reopens and a disk that fills
 * up for a while ({@link FullDisk}: MVStore closes the store, calls are held, the store reopens itself) leaves the
 * outbox holding exactly what a plain in-memory queue with the documented drop policy holds: nothing lost, nothing
 * twice, in order, and numbers that only grow.
 */
class OutboxPropertyTest {

    /** One step: what, which class, and a number (batch size, or a bit mask of what is acknowledged). */
    record Step(String what, MessageClass kind, int n) {
    }

    private record Queued(UUID id, String topic, MessageClass kind, byte[] payload) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<MessageClass> kinds = Arbitraries.of(MessageClass.class);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, kinds.map(k -> new Step("add", k, 1))),
                net.jqwik.api.Tuple.of(2, kinds.flatMap(k -> Arbitraries.integers().between(1, 6)
                        .map(n -> new Step("addAll", k, n)))),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 255).map(m -> new Step("ack", null, m))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Step("crash", null, 0))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Step("reopen", null, 0))),
                // the disk fills up; frees up (and 10 s pass); 10 s pass (a try to reopen is due)
                net.jqwik.api.Tuple.of(2, Arbitraries.of("fill", "free", "tick").map(d -> new Step(d, null, 0))));
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 150)
    void theOutboxBehavesAsAnInMemoryQueueAcrossCrashes(@ForAll("steps") List<Step> steps,
                                                       @ForAll @IntRange(min = 10, max = 14) int max)
            throws Exception {
        Path dir = Files.createTempDirectory("outbox-property");
        Path path = dir.resolve("outbox");
        List<Queued> model = new ArrayList<>();
        long highestSeq = 0;
        int counter = 0;
        AtomicLong nanos = new AtomicLong();
        Outbox o = Outbox.open(path, max, FullDisk.prefix(), nanos::get);
        boolean full = false;
        try {
            for (Step s : steps) {
                if (full && (s.what().equals("crash") || s.what().equals("reopen"))) {
                    // what is held is lost by a restart on a full disk, by design: space returns first
                    FullDisk.free(dir);
                    nanos.addAndGet(OutboxReopener.EVERY.toNanos());
                    full = false;
                    assertSame(model, o);
                }
                switch (s.what()) {
                    case "add" -> {
                        Queued q = queued(s.kind(), counter++);
                        makeRoom(model, 1, max);
                        model.add(q);
                        long seq = o.add(q.id(), q.topic(), q.kind(), 0, q.payload());
                        if (full) assertTrue(seq == -1 || seq > highestSeq, "held: no number yet");
                        else assertTrue(seq > highestSeq, "numbers only grow");
                        highestSeq = Math.max(seq, highestSeq);
                    }
                    case "addAll" -> {
                        List<Outbox.NewMessage> batch = new ArrayList<>();
                        List<Queued> added = new ArrayList<>();
                        for (int i = 0; i < s.n(); i++) {
                            // a batch mixes classes as a telemetry round with an event would
                            Queued q = queued(i == 0 ? s.kind() : MessageClass.values()[i % 3], counter++);
                            added.add(q);
                            batch.add(new Outbox.NewMessage(q.id(), q.topic(), q.kind(), 0, q.payload()));
                        }
                        makeRoom(model, added.size(), max);
                        model.addAll(added);
                        o.addAll(batch);
                    }
                    case "ack" -> {
                        // the broker acknowledged some of what is in flight (the first 8), in any order
                        List<OutboxMessage> inFlight = o.next(0, 8);
                        List<Long> acked = new ArrayList<>();
                        for (int i = 0; i < inFlight.size(); i++) {
                            if ((s.n() & (1 << i)) == 0) continue;
                            acked.add(inFlight.get(i).seq());
                            UUID id = inFlight.get(i).id();
                            model.removeIf(q -> q.id().equals(id));
                        }
                        o.delivered(acked);
                    }
                    case "crash" -> {
                        o.crash();
                        o = Outbox.open(path, max, FullDisk.prefix(), nanos::get);
                    }
                    case "reopen" -> {
                        o.close();
                        o = Outbox.open(path, max, FullDisk.prefix(), nanos::get);
                    }
                    case "fill" -> {
                        FullDisk.fill(dir);
                        full = true;
                    }
                    case "free", "tick" -> {
                        if (s.what().equals("free")) FullDisk.free(dir);
                        full &= s.what().equals("tick");
                        nanos.addAndGet(OutboxReopener.EVERY.toNanos());
                    }
                    default -> throw new IllegalStateException(s.what());
                }
                if (full) continue; // nothing readable while closed; the next step after space returns compares
                assertSame(model, o); // a read: reopens the store, adds what was held
                for (OutboxMessage m : o.next(0, max + 10)) highestSeq = Math.max(highestSeq, m.seq());
            }
        } finally {
            FullDisk.free(dir);
            o.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Iterator<Path> it = files.sorted(Comparator.reverseOrder()).iterator(); it.hasNext(); )
                    Files.deleteIfExists(it.next());
            } catch (IOException ignored) {
                // a temporary folder
            }
        }
    }

    private static Queued queued(MessageClass kind, int n) {
        return new Queued(UUID.randomUUID(), "t/" + n, kind, new byte[] {(byte) n, (byte) (n >> 8)});
    }

    private static void assertSame(List<Queued> model, Outbox o) throws Exception {
        List<OutboxMessage> actual = o.next(0, Integer.MAX_VALUE);
        assertEquals(model.stream().map(Queued::topic).toList(), actual.stream().map(OutboxMessage::topic).toList());
        assertEquals(model.size(), o.size());
        for (int i = 0; i < model.size(); i++) {
            assertEquals(model.get(i).id(), actual.get(i).id());
            assertEquals(model.get(i).kind(), actual.get(i).kind());
            assertArrayEquals(model.get(i).payload(), actual.get(i).payload());
            if (i > 0) assertTrue(actual.get(i).seq() > actual.get(i - 1).seq());
        }
    }

    /** The documented drop policy (docs/cloud.md), on the model: oldest telemetry, then events, then sessions. */
    private static void makeRoom(List<Queued> model, int incoming, int max) {
        while (model.size() + incoming > max) {
            long batch = Math.max(model.size() + incoming - max, Math.max(1, max / 100));
            boolean droppedAny = false;
            for (MessageClass kind : MessageClass.values()) {
                int n = 0;
                for (Iterator<Queued> it = model.iterator(); it.hasNext() && n < batch; ) {
                    if (it.next().kind() == kind) {
                        it.remove();
                        n++;
                    }
                }
                if (n > 0) {
                    droppedAny = true;
                    break;
                }
            }
            if (!droppedAny) return;
        }
    }
}
