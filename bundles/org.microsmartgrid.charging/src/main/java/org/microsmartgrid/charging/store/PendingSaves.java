package org.microsmartgrid.charging.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.microsmartgrid.charging.session.Row;
import org.microsmartgrid.charging.trip.Trip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves that failed (a full disk), kept in memory to be written by the store's next successful commit: the book hands
 * each change to the store once and forgets it (an ended session leaves the book), so without this a session ended
 * while the disk was full would be lost to billing. A session's row is "insert or replace", so its latest row is
 * enough, and likewise a trip's. Bounded: at most {@link #MAX} sessions (a row is ~300 bytes: ~1.5 MB), the ones
 * whose save failed longest ago dropped first, logged once. Used under the store's lock ({@link #size} from any thread).
 */
final class PendingSaves {
    /** Weeks of sessions of a module (open ones replace their own row): a disk full for that long needs a person. */
    static final int MAX = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(PendingSaves.class);

    private final Map<UUID, Row> rows = new LinkedHashMap<>();
    private final Map<UUID, Trip> trips = new LinkedHashMap<>();
    private long dropped;
    /** rows.size(), readable by status requests on other threads. */
    private volatile int count;

    /** Keeps {@code row} (and {@code trip}, may be null), replacing what was kept of them, last in order. */
    void keep(Row row, Trip trip) {
        UUID id = row.session().id();
        rows.remove(id); // re-inserted last: the order of the latest failures
        rows.put(id, row);
        if (trip != null) {
            trips.remove(trip.id());
            trips.put(trip.id(), trip);
        }
        while (rows.size() > MAX) {
            UUID eldest = rows.keySet().iterator().next();
            rows.remove(eldest);
            if (dropped++ == 0)
                LOG.error("more than {} sessions could not be stored: the oldest kept ones are dropped (session {} "
                        + "first); free space on the disk", MAX, eldest);
        }
        while (trips.size() > MAX) trips.remove(trips.keySet().iterator().next());
        count = rows.size();
    }

    /** The kept rows, in the order of their last failure. */
    List<Row> rows() {
        return new ArrayList<>(rows.values());
    }

    List<Trip> trips() {
        return new ArrayList<>(trips.values());
    }

    /** How many sessions are kept; from any thread. */
    int size() {
        return count;
    }

    boolean isEmpty() {
        return rows.isEmpty() && trips.isEmpty();
    }

    /** After the commit that wrote them. */
    void clear() {
        rows.clear();
        trips.clear();
        dropped = 0;
        count = 0;
    }
}
