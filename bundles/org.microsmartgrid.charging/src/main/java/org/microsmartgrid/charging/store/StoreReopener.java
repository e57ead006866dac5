package org.microsmartgrid.charging.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the sessions store, closed by MVStore after a failed write (a full disk), may try to open its file again: at
 * most once every {@link #EVERY}, counted from the failure — a disk does not empty itself within a second, and each
 * try after an unclean close copies the whole file. It also logs the closing and the reopening once each, not at
 * every try, and says what {@code /status} shows meanwhile. Called under the store's lock; {@link #problem} from any
 * thread.
 */
final class StoreReopener {
    static final Duration EVERY = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(StoreReopener.class);

    private final Path file;
    private final LongSupplier nanoTime;
    /** Since when the store is closed (nanoTime); null: open. Volatile: read by status requests. */
    private volatile Long closedAt;
    private long lastTry;

    StoreReopener(Path file, LongSupplier nanoTime) {
        this.file = file;
        this.nanoTime = nanoTime;
    }

    /** The store was found closed after {@code cause}: logged at ERROR the first time only. */
    void closed(String cause) {
        if (closedAt != null) return;
        long now = nanoTime.getAsLong();
        closedAt = now;
        lastTry = now;
        LOG.error("{}: the sessions store closed after a failed write ({}); retrying every {} s — failed saves are "
                + "kept in memory (the latest state of at most {} sessions) and written once the disk takes writes "
                + "again", file, cause, EVERY.toSeconds(), PendingSaves.MAX);
    }

    /** Whether a try to open the file is due now; if so, the next one is {@link #EVERY} later. */
    boolean due() {
        long now = nanoTime.getAsLong();
        if (now - lastTry < EVERY.toNanos()) return false;
        lastTry = now;
        return true;
    }

    void reopened(long records, int kept) {
        closedAt = null;
        LOG.warn("{}: the sessions store reopened, {} record(s); {} session(s) kept in memory meanwhile are written "
                + "now", file, records, kept);
    }

    /** What {@code /status} should say while the store is closed, Italian then English; empty when open. */
    Optional<String> problem(int kept) {
        if (closedAt == null) return Optional.empty();
        return Optional.of("archivio delle sessioni " + file + " chiuso dopo una scrittura fallita (disco pieno?), "
                + "riprovato ogni " + EVERY.toSeconds() + " s; " + kept + " sessioni in memoria / sessions store "
                + file + " closed after a failed write (disk full?), retried every " + EVERY.toSeconds() + " s; "
                + kept + " session(s) kept in memory (docs/charging.md)");
    }

    /** The error of a call refused while the store is closed; {@code kept}: sessions kept before this call's. */
    String refusal(int kept) {
        return "the sessions store " + file + " is closed after a failed write (disk full?); retried every "
                + EVERY.toSeconds() + " s; the session is kept in memory with " + kept + " other(s)";
    }
}
