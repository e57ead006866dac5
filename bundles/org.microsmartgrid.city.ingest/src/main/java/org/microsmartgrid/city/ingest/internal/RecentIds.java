package org.microsmartgrid.city.ingest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last N message ids seen (msg.id), to drop what an at-least-once delivery sends twice. Bounded: the oldest ids
 * are forgotten first; a duplicate older than the window is still harmless, because every registry write is ordered
 * by capture time and idempotent. Used by the ingest thread and, with an external broker, by its client's thread.
 */
final class RecentIds {

    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        ids = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return true the first time an id is seen */
    synchronized boolean firstTime(String id) {
        return ids.put(id, Boolean.TRUE) == null;
    }
}
