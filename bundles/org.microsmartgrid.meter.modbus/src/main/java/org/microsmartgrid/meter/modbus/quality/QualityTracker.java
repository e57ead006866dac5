package org.microsmartgrid.meter.modbus.quality;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;

/**
 * The quality state of one meter, fed with the outcome of each poll. Thread-safe: the bus thread records, anybody
 * reads.
 *
 * <ul>
 * <li>GOOD: the last poll succeeded with plausible values and the fast values are younger than stale.after.ms;</li>
 * <li>STALE: fewer than failed.after.errors polls in a row failed, but the fast values are older than stale.after.ms
 * (also while a request hangs in its timeout: {@link #reading} ages the values at every call);</li>
 * <li>FAILED: failed.after.errors polls in a row failed, or the last poll answered nonsense, or nothing was read
 * yet.</li>
 * </ul>
 */
public final class QualityTracker {
    private final String meterId;
    private final MeterRole role;
    private final int socket;
    private long staleAfterMs;
    private int failedAfterErrors;

    private final Map<Channel, Sample> values = new EnumMap<>(Channel.class);
    private long lastGoodFastMillis = Long.MIN_VALUE;
    private int consecutiveErrors;
    private String lastError;
    /** Why the last fast / slow poll was nonsense; each is cleared only by a good poll of the same kind. */
    private String fastNonsense;
    private String slowNonsense;
    private Instant assessedAt;

    public QualityTracker(String meterId, MeterRole role, int socket, long staleAfterMs, int failedAfterErrors,
                          Instant start) {
        this.meterId = meterId;
        this.role = role;
        this.socket = socket;
        this.staleAfterMs = staleAfterMs;
        this.failedAfterErrors = failedAfterErrors;
        this.assessedAt = start;
    }

    public synchronized void thresholds(long staleAfterMs, int failedAfterErrors) {
        this.staleAfterMs = staleAfterMs;
        this.failedAfterErrors = failedAfterErrors;
    }

    /**
     * A poll answered with plausible values.
     *
     * @param fresh    the values read, each with its capture time
     * @param absent   channels this poll is responsible for that the device reported as not available
     * @param fast     whether it was the fast poll (whose age decides STALE)
     */
    public synchronized void success(Map<Channel, Sample> fresh, Set<Channel> absent, boolean fast, long monoMillis,
                                     Instant at) {
        values.putAll(fresh);
        absent.forEach(values::remove);
        if (fast) lastGoodFastMillis = monoMillis;
        consecutiveErrors = 0;
        lastError = null;
        if (fast) fastNonsense = null;
        else slowNonsense = null;
        assessedAt = at;
    }

    /** A poll brought no usable answer. */
    public synchronized void failure(String cause, long monoMillis, Instant at) {
        consecutiveErrors++;
        lastError = cause;
        assessedAt = at;
    }

    /**
     * A poll answered, but with values that cannot be right: FAILED at once, until a poll of the same kind is good
     * again (a good energy reading says nothing about the power).
     */
    public synchronized void nonsense(String cause, boolean fast, long monoMillis, Instant at) {
        consecutiveErrors++;
        lastError = cause;
        if (fast) fastNonsense = cause;
        else slowNonsense = cause;
        assessedAt = at;
    }

    public synchronized int consecutiveErrors() {
        return consecutiveErrors;
    }

    /** The reading as of now: values age between polls, so GOOD turns STALE even while the bus is stuck. */
    public synchronized MeterReading reading(long monoMillis) {
        Quality q;
        String error;
        boolean everGood = lastGoodFastMillis != Long.MIN_VALUE;
        long age = everGood ? monoMillis - lastGoodFastMillis : Long.MAX_VALUE;
        if (fastNonsense != null || slowNonsense != null) {
            q = Quality.FAILED;
            error = fastNonsense != null ? fastNonsense : slowNonsense;
        } else if (consecutiveErrors >= failedAfterErrors) {
            q = Quality.FAILED;
            error = lastError;
        } else if (!everGood) {
            q = Quality.FAILED;
            error = lastError != null ? lastError : "no reading yet";
        } else if (age > staleAfterMs) {
            q = Quality.STALE;
            error = "no fresh values for " + age + " ms" + (lastError != null ? ": " + lastError : "");
        } else {
            q = Quality.GOOD;
            error = null;
        }
        return new MeterReading(meterId, role, socket, q, assessedAt, values, error);
    }
}
