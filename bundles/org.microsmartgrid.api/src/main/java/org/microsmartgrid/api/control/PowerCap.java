package org.microsmartgrid.api.control;

import java.time.Instant;

/**
 * A temporary cap on the site's grid import, asked by a building system (e.g. during a peak it knows about).
 *
 * @param limitW the most the site may import while the cap lasts, W
 * @param until  when it ends
 * @param actor  who asked for it
 * @param since  when it was asked
 */
public record PowerCap(double limitW, Instant until, String actor, Instant since) {

    public PowerCap {
        if (!(limitW > 0) || Double.isInfinite(limitW)) throw new IllegalArgumentException("cap must be > 0 W, got " + limitW);
        if (until == null || since == null) throw new IllegalArgumentException("a cap needs its start and end time");
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("a cap needs an actor");
    }

    /** Whether it is in force at {@code now}. */
    public boolean activeAt(Instant now) {
        return now.isBefore(until);
    }
}
