package org.microsmartgrid.coap.server;

import org.microsmartgrid.coap.senml.WriteBody;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * A power cap asked over CoAP: {@code limit} (W or kW, at least the configured floor) and either {@code duration}
 * (s, ms, min or h; 1 s .. 24 h) or {@code until} (seconds since the epoch, or an ISO-8601 instant such as
 * "2026-11-25T18:00:00Z"), at most 24 hours ahead. A field without a unit is in W or s.
 */
record CapRequest(double limitW, Instant until) {

    static final Duration MAX_AHEAD = Duration.ofHours(24);
    static final double MAX_LIMIT_W = 1_000_000;
    private static final Set<String> FIELDS = Set.of("limit", "duration", "until");

    /**
     * @param floorW the lowest cap accepted (cap.floor.w): below it the loop would shed sockets that must keep
     *               charging, the mobility aids' first
     */
    static CapRequest from(WriteBody body, Instant now, double floorW) {
        for (String name : body.values().keySet())
            if (!FIELDS.contains(name)) throw new IllegalArgumentException("unknown field " + name + ": use limit and duration or until");
        if (!(body.get("limit") instanceof Double value)) throw new IllegalArgumentException("limit (W) must be a number");
        double limit = Units.watts("limit", value, body.unit("limit"));
        if (!(limit > 0) || limit > MAX_LIMIT_W)
            throw new IllegalArgumentException("limit must be > 0 and <= 1000000 W, got " + limit + " W");
        if (limit < floorW)
            throw new IllegalArgumentException("limit " + limit + " W is below the floor of " + floorW
                    + " W (cap.floor.w): the loop would shed sockets that must keep charging");
        Object duration = body.get("duration");
        Object until = body.get("until");
        if ((duration == null) == (until == null)) throw new IllegalArgumentException("give either duration (s) or until, not both or neither");
        Instant end = duration != null ? now.plus(duration(duration, body.unit("duration"))) : instant(until, body.unit("until"));
        if (!end.isAfter(now)) throw new IllegalArgumentException("the cap must end in the future");
        if (end.isAfter(now.plus(MAX_AHEAD))) throw new IllegalArgumentException("the cap may last at most 24 hours");
        return new CapRequest(limit, end);
    }

    private static Duration duration(Object duration, String unit) {
        if (!(duration instanceof Double value)) throw new IllegalArgumentException("duration must be a number of seconds, 1..86400");
        double s = Units.seconds("duration", value, unit);
        if (!(s >= 1) || s > MAX_AHEAD.toSeconds())
            throw new IllegalArgumentException("duration must be 1..86400 s, got " + s + " s");
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static Instant instant(Object until, String unit) {
        if (until instanceof Double s && Double.isFinite(s) && s > 0 && s < 1e11) {
            Units.only("until", unit, "s");
            return Instant.ofEpochMilli(Math.round(s * 1000));
        }
        if (until instanceof String text) {
            if (unit != null) throw new IllegalArgumentException("until as an ISO-8601 instant takes no unit");
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("until must be an ISO-8601 instant such as 2026-11-25T18:00:00Z");
            }
        }
        throw new IllegalArgumentException("until must be seconds since the epoch or an ISO-8601 instant");
    }
}
