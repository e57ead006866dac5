package org.microsmartgrid.charging.store;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * Encoded values by id (MVStore map {@code name}: the UUID as text → bytes) plus an index of the same ids in time
 * order (map {@code name + ".byTime"}: {@link #timeKey} → nothing), so that "the latest 50" reads 50 entries, not the
 * whole history. Both maps change in the caller's MVStore commit, so they never disagree on disk; an index entry
 * whose value has gone or moved in time is skipped on reading ({@link #indexed}).
 */
final class TimeOrderedMap {
    private static final byte[] NOTHING = new byte[0];
    private static final int TIME_DIGITS = 16;
    static final String INDEX_SUFFIX = ".byTime";

    private final MVMap<String, byte[]> byId;
    private final MVMap<String, byte[]> byTime;

    TimeOrderedMap(MVStore store, String name) {
        byId = store.openMap(name, builder());
        byTime = store.openMap(name + INDEX_SUFFIX, builder());
    }

    /** The types of both maps (MVStore does not keep them in the file: every opening names them). */
    static MVMap.Builder<String, byte[]> builder() {
        return new MVMap.Builder<String, byte[]>().keyType(StringDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE);
    }

    /**
     * The index key: the time as 16 hex digits that sort like the instant (sign bit flipped, so times before 1970
     * sort first too), then the id (two values at the same millisecond both stay).
     */
    static String timeKey(Instant t, UUID id) {
        String hex = Long.toHexString(t.toEpochMilli() ^ Long.MIN_VALUE);
        return "0".repeat(TIME_DIGITS - hex.length()) + hex + id;
    }

    byte[] get(UUID id) {
        return byId.get(id.toString());
    }

    boolean contains(UUID id) {
        return byId.containsKey(id.toString());
    }

    /** @param previousTime the time of the value this one replaces; null when none or unreadable */
    void put(UUID id, Instant time, byte[] value, Instant previousTime) {
        if (previousTime != null && !previousTime.equals(time)) byTime.remove(timeKey(previousTime, id));
        byId.put(id.toString(), value);
        byTime.put(timeKey(time, id), NOTHING);
    }

    void remove(UUID id, Instant time) {
        byId.remove(id.toString());
        byTime.remove(timeKey(time, id));
    }

    long size() {
        return byId.sizeAsLong();
    }

    /** Every stored value, by id (in id order, not time order). */
    Iterable<Map.Entry<String, byte[]>> all() {
        return byId.entrySet();
    }

    /** The index keys, newest first; {@link #idOf} gives the id, {@link #indexed} whether a value still matches. */
    Iterator<String> newestFirst() {
        return byTime.cursor(null, null, true); // a Cursor iterates the keys
    }

    static String idOf(String timeKey) {
        return timeKey.substring(TIME_DIGITS);
    }

    /** Whether a value read for {@code timeKey}'s id is still at that time (not a leftover of a moved value). */
    static boolean indexed(String timeKey, Instant time, UUID id) {
        return timeKey.equals(timeKey(time, id));
    }
}
