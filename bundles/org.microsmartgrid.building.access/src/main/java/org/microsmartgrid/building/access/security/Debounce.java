package org.microsmartgrid.building.access.security;

import java.time.Duration;
import java.time.Instant;

/**
 * A raw level becomes the stable level only once it has held for the debounce time: a bouncing reed contact or an
 * electrical spike on a long cable raises no alarm.
 *
 * @param stable         the debounced level
 * @param candidate      the raw level last seen, when it differs from the stable one
 * @param candidateSince since when the raw level has been the candidate
 */
public record Debounce(boolean stable, boolean candidate, Instant candidateSince) {

    public static Debounce startingAt(boolean level) {
        return new Debounce(level, level, null);
    }

    public Debounce step(boolean raw, Instant now, Duration debounce) {
        if (raw == stable) return new Debounce(stable, raw, null);
        Instant since = candidateSince != null && candidate == raw ? candidateSince : now;
        if (Duration.between(since, now).compareTo(debounce) >= 0) return new Debounce(raw, raw, null);
        return new Debounce(stable, raw, since);
    }
}
