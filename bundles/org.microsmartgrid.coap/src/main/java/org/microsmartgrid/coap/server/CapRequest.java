package org.microsmartgrid.coap.server;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * A power cap asked over CoAP: {@code limit} (W, &gt; 0) and either {@code duration} (s) or {@code until} (seconds
 * since the epoch, or an ISO-8601 instant such as "2026-11-25T18:00:00Z"), at most 24 hours ahead.
 */
record CapRequest(double limitW, Instant until) {

    static final Duration MAX_AHEAD = Duration.ofHours(24);
    private static final Set<String> FIELDS = Set.of("limit", "duration", "until");

    static CapRequest from(Map<String, Object> body, Instant now) {
        for (String name : body.keySet())
            if (!FIELDS.contains(name)) throw new IllegalArgumentException("unknown field " + name + ": use limit and duration or until");
        if (!(body.get("limit") instanceof Double limit)) throw new IllegalArgumentException("limit (W) must be a number");
        if (!(limit > 0) || limit > 1_000_000) throw new IllegalArgumentException("limit must be > 0 and <= 1000000 W, got " + limit);
        Object duration = body.get("duration");
        Object until = body.get("until");
        if ((duration == null) == (until == null)) throw new IllegalArgumentException("give either duration (s) or until, not both or neither");
        Instant end = duration != null ? now.plus(seconds(duration)) : instant(until);
        if (!end.isAfter(now)) throw new IllegalArgumentException("the cap must end in the future");
        if (end.isAfter(now.plus(MAX_AHEAD))) throw new IllegalArgumentException("the cap may last at most 24 hours");
        return new CapRequest(limit, end);
    }

    private static Duration seconds(Object duration) {
        if (!(duration instanceof Double s) || !(s > 0) || s > MAX_AHEAD.toSeconds())
            throw new IllegalArgumentException("duration must be a number of seconds, 1..86400");
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static Instant instant(Object until) {
        if (until instanceof Double s && Double.isFinite(s) && s > 0 && s < 1e11) return Instant.ofEpochMilli(Math.round(s * 1000));
        if (until instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("until must be an ISO-8601 instant such as 2026-11-25T18:00:00Z");
            }
        }
        throw new IllegalArgumentException("until must be seconds since the epoch or an ISO-8601 instant");
    }
}
