package org.microsmartgrid.coap.server;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.microsmartgrid.coap.senml.WriteBody;

/**
 * A reservation asked over CoAP: {@code socket} (a whole number), {@code from} and {@code until} (seconds since the
 * epoch, or ISO-8601 instants such as "2026-12-07T17:00:00Z") and {@code holder} (who may use it, as the module
 * records who starts a session: {@code token:…} or {@code remote:…}). The window's own rules (overlaps, length, how
 * far ahead) are the loop's.
 */
record ReservationRequest(int socket, Instant from, Instant until, String holder) {

    private static final Set<String> FIELDS = Set.of("socket", "from", "until", "holder");

    static ReservationRequest from(WriteBody body) {
        for (String name : body.values().keySet())
            if (!FIELDS.contains(name)) throw new IllegalArgumentException("unknown field " + name
                    + ": use socket, from, until and holder");
        if (!(body.get("socket") instanceof Double s) || s != Math.rint(s) || s < 1 || s > 64)
            throw new IllegalArgumentException("socket must be a whole number 1..64");
        if (!(body.get("holder") instanceof String holder) || holder.isBlank())
            throw new IllegalArgumentException("holder (text) is required: who may use the socket, e.g. token:1a2b3c4d");
        return new ReservationRequest(s.intValue(), instant("from", body.get("from"), body.unit("from")),
                instant("until", body.get("until"), body.unit("until")), holder.strip());
    }

    private static Instant instant(String field, Object value, String unit) {
        if (value instanceof Double s && Double.isFinite(s) && s > 0 && s < 1e11) {
            Units.only(field, unit, "s");
            return Instant.ofEpochMilli(Math.round(s * 1000));
        }
        if (value instanceof String text) {
            if (unit != null) throw new IllegalArgumentException(field + " as an ISO-8601 instant takes no unit");
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " must be an ISO-8601 instant such as 2026-12-07T17:00:00Z");
            }
        }
        throw new IllegalArgumentException(field + " is required: seconds since the epoch or an ISO-8601 instant");
    }
}
