package org.microsmartgrid.cloud.kapua.outbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.microsmartgrid.telemetry.MessageClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the outbox was asked to do while its store was closed after a failed write (a full disk), in order: batches
 * of messages to add (a keyed one with its key) and acknowledged messages to remove. Replayed in that order by the
 * first commit after the store is back, through the same drop rule as any add, so the outbox ends as if the disk had
 * never been full. Why held rather than refused: the producers cannot do better — telemetry and events have no retry,
 * and a city's fault report has already been answered — and an acknowledgement lost would only mean a resend.
 * Bounded: at most {@link #MAX} messages in memory; beyond, the oldest telemetry goes first, then events, then
 * session records (the outbox's own drop rule), each drop logged. Used under the outbox's lock ({@link #size} from
 * any thread).
 */
final class HeldMessages {
    /** Minutes of telemetry (a round every few seconds); ~1 kB each at most. */
    static final int MAX = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(HeldMessages.class);

    /** One held call: messages to add (key: the addOnce key, else null), or seqs acknowledged. */
    record Held(List<Outbox.NewMessage> messages, String key, List<Long> delivered) {
    }

    private final List<Held> calls = new ArrayList<>();
    private final int max;
    private volatile int messages;
    /** Telemetry and event drops are logged once per closing (a full disk can last hours). */
    private boolean told;

    HeldMessages(int max) {
        this.max = max;
    }

    void add(List<Outbox.NewMessage> batch, String key) {
        calls.add(new Held(new ArrayList<>(batch), key, List.of()));
        messages += batch.size();
        while (messages > max && dropOldest()) {
            // again
        }
    }

    void delivered(List<Long> seqs) {
        calls.add(new Held(List.of(), null, List.copyOf(seqs)));
    }

    /** Whether a held addOnce carries {@code key}. */
    boolean knows(String key) {
        for (Held h : calls) if (key.equals(h.key())) return true;
        return false;
    }

    List<Held> calls() {
        return List.copyOf(calls);
    }

    /** Held messages; from any thread. */
    int size() {
        return messages;
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }

    /** After the commit that replayed them. */
    void clear() {
        calls.clear();
        messages = 0;
        told = false;
    }

    /** Drops the oldest held message of the first class that has one (the outbox's drop rule); false: none held. */
    private boolean dropOldest() {
        for (MessageClass kind : MessageClass.values()) {
            Outbox.NewMessage m = removeOldest(kind);
            if (m == null) continue;
            messages--;
            if (kind == MessageClass.SESSION) {
                LOG.error("outbox closed and {} messages held in memory: session record {} dropped", max, m.id());
            } else if (!told) {
                told = true;
                LOG.warn("outbox closed and {} messages held in memory: the oldest {} messages are dropped from now on",
                        max, kind);
            }
            return true;
        }
        return false;
    }

    /** Removes the oldest held message of {@code kind}, and its call once nothing is left of it; null: none. */
    private Outbox.NewMessage removeOldest(MessageClass kind) {
        for (Iterator<Held> calls = this.calls.iterator(); calls.hasNext(); ) {
            Held h = calls.next();
            for (Iterator<Outbox.NewMessage> ms = h.messages().iterator(); ms.hasNext(); ) {
                Outbox.NewMessage m = ms.next();
                if (m.kind() != kind) continue;
                ms.remove();
                if (h.messages().isEmpty() && h.delivered().isEmpty()) calls.remove();
                return m;
            }
        }
        return null;
    }
}
