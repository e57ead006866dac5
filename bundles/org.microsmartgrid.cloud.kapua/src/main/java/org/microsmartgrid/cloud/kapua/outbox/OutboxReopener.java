package org.microsmartgrid.cloud.kapua.outbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the outbox, closed by MVStore after a failed write (a full disk), may try to open its file again: at most once
 * every {@link #EVERY}, counted from the failure — telemetry is added every few seconds, and a disk does not empty
 * itself that fast. It logs the closing and the reopening once each, not at every try, and says what {@code /status}
 * shows meanwhile. Called under the outbox's lock; {@link #problem} from any thread.
 */
final class OutboxReopener {
    static final Duration EVERY = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxReopener.class);

    private final Path file;
    private final LongSupplier nanoTime;
    /** Since when the outbox is closed (nanoTime); null: open. Volatile: read by status requests. */
    private volatile Long closedAt;
    private long lastTry;

    OutboxReopener(Path file, LongSupplier nanoTime) {
        this.file = file;
        this.nanoTime = nanoTime;
    }

    /** The outbox was found closed after {@code cause}: logged at ERROR the first time only. */
    void closed(String cause) {
        if (closedAt != null) return;
        long now = nanoTime.getAsLong();
        closedAt = now;
        lastTry = now;
        LOG.error("outbox {}: closed after a failed write ({}); retrying every {} s — new messages are held in memory "
                + "(at most {}, telemetry dropped first) and added once the disk takes writes again", file, cause,
                EVERY.toSeconds(), HeldMessages.MAX);
    }

    /** Whether a try to open the file is due now; if so, the next one is {@link #EVERY} later. */
    boolean due() {
        long now = nanoTime.getAsLong();
        if (now - lastTry < EVERY.toNanos()) return false;
        lastTry = now;
        return true;
    }

    void reopened(long queued, int held) {
        closedAt = null;
        LOG.warn("outbox {}: reopened, {} message(s) queued; {} held in memory meanwhile are added now", file, queued,
                held);
    }

    /** What {@code /status} should say while the outbox is closed, Italian then English; empty when open. */
    Optional<String> problem(int held) {
        if (closedAt == null) return Optional.empty();
        return Optional.of("outbox " + file + " chiuso dopo una scrittura fallita (disco pieno?), riprovato ogni "
                + EVERY.toSeconds() + " s; " + held + " messaggi in memoria / outbox " + file + " closed after a "
                + "failed write (disk full?), retried every " + EVERY.toSeconds() + " s; " + held
                + " message(s) held in memory (docs/cloud.md)");
    }
}
