package org.microsmartgrid.city.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The live status of one point's EVSEs: one slot per EVSE, each replaced by compare-and-set, so ingest threads never
 * lock and readers never wait. A status older (by capture time) than the one held is refused: messages a module
 * replays from its outbox after an outage never overwrite a newer status.
 */
final class LiveStatus {
    private final List<String> uids;
    private final AtomicReferenceArray<EvseLive> slots;

    /** Every EVSE of {@code uids} UNKNOWN, except those {@code previous} knows (a point's EVSEs may change). */
    LiveStatus(List<String> uids, LiveStatus previous) {
        this.uids = uids;
        this.slots = new AtomicReferenceArray<>(uids.size());
        for (int i = 0; i < uids.size(); i++) {
            EvseLive known = previous == null ? null : previous.find(uids.get(i));
            slots.set(i, known != null ? known : new EvseLive(uids.get(i), EvseStatus.UNKNOWN, null));
        }
    }

    /** Whether the EVSE uids are these, in this order: then the same slots can serve a replaced point. */
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
            EvseLive current = slots.get(i);
            if (current.lastUpdated() != null && capturedAt.isBefore(current.lastUpdated())) {
                return false;
            }
            if (slots.compareAndSet(i, current, next)) {
                return true;
            }
        }
    }

    boolean availableNow() {
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i).status() == EvseStatus.AVAILABLE) {
                return true;
            }
        }
        return false;
    }

    List<EvseLive> snapshot() {
        List<EvseLive> copy = new ArrayList<>(slots.length());
        for (int i = 0; i < slots.length(); i++) {
            copy.add(slots.get(i));
        }
        return copy;
    }

    private EvseLive find(String uid) {
        int i = uids.indexOf(uid);
        return i < 0 ? null : slots.get(i);
    }
}
