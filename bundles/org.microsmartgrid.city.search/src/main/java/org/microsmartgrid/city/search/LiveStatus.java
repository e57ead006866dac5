package org.microsmartgrid.city.search;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * The live status of one point's EVSEs: an immutable snapshot (each EVSE's status, and whether any is AVAILABLE)
 * replaced by compare-and-set, so ingest threads never lock, readers never wait, and the "available now" filter reads
 * one field. A status older (by capture time) than the one held is refused: messages a module replays from its outbox
 * after an outage never overwrite a newer status.
 */
final class LiveStatus {
    /** One moment of the point's EVSEs. */
    private record Snapshot(EvseLive[] evses, boolean anyAvailable) {
        static Snapshot of(EvseLive[] evses) {
            for (EvseLive evse : evses) {
                if (evse.status() == EvseStatus.AVAILABLE) {
                    return new Snapshot(evses, true);
                }
            }
            return new Snapshot(evses, false);
        }
    }

    private static final AtomicReferenceFieldUpdater<LiveStatus, Snapshot> CURRENT =
            AtomicReferenceFieldUpdater.newUpdater(LiveStatus.class, Snapshot.class, "current");

    private final List<String> uids;
    /** A field, not an AtomicReference: one pointer less for every point a search filters on "available now". */
    private volatile Snapshot current;

    /** Every EVSE of {@code uids} UNKNOWN, except those {@code previous} knows (a point's EVSEs may change). */
    LiveStatus(List<String> uids, LiveStatus previous) {
        this.uids = uids;
        EvseLive[] evses = new EvseLive[uids.size()];
        for (int i = 0; i < evses.length; i++) {
            EvseLive known = previous == null ? null : previous.find(uids.get(i));
            evses[i] = known != null ? known : new EvseLive(uids.get(i), EvseStatus.UNKNOWN, null);
        }
        this.current = Snapshot.of(evses);
    }

    /** Whether the EVSE uids are these, in this order: then the same status can serve a replaced point. */
    boolean sameEvses(List<String> otherUids) {
        return uids.equals(otherUids);
    }

    /** Sets the status unless the EVSE is unknown or holds a newer one; true if it was set. */
    boolean update(String uid, EvseStatus status, Instant capturedAt) {
        int i = uids.indexOf(uid);
        if (i < 0) {
            return false;
        }
        EvseLive next = new EvseLive(uid, status, capturedAt);
        while (true) {
            Snapshot before = current;
            Instant held = before.evses[i].lastUpdated();
            if (held != null && capturedAt.isBefore(held)) {
                return false;
            }
            EvseLive[] evses = before.evses.clone();
            evses[i] = next;
            if (CURRENT.compareAndSet(this, before, Snapshot.of(evses))) {
                return true;
            }
        }
    }

    boolean availableNow() {
        return current.anyAvailable;
    }

    List<EvseLive> snapshot() {
        return Arrays.asList(current.evses);
    }

    private EvseLive find(String uid) {
        int i = uids.indexOf(uid);
        return i < 0 ? null : current.evses[i];
    }
}
