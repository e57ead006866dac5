package org.microsmartgrid.cloud.management.asset;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.microsmartgrid.api.control.Reservation;
import org.microsmartgrid.api.control.SocketReservations;

/**
 * The sockets' reservations as the Kura asset {@code reservations} (docs/reservations.md, docs/cloud-management.md):
 * {@code list} (READ) is every reservation as a JSON array; {@code reserve} (READ_WRITE) takes
 * {@code <socket>,<ISO from>,<ISO until>,<holder>} and answers the new reservation's id; {@code cancel}
 * (READ_WRITE) takes an id. The two writable channels read as empty text, and an empty value (what Kapua's console
 * sends back with every Apply) does nothing. The loop's refusal (an overlap, a bad window) is the channel's error and
 * nothing changes. The actor is {@code kapua:<client id>}, as for the other writes.
 */
final class ReservationsAsset {
    static final String NAME = "reservations";
    static final String LIST = "list";
    static final String RESERVE = "reserve";
    static final String CANCEL = "cancel";
    private static final Gson GSON = new Gson();

    static final List<AssetChannel> CHANNELS = List.of(AssetChannel.read(LIST, "STRING"),
            AssetChannel.readWrite(RESERVE, "STRING"), AssetChannel.readWrite(CANCEL, "STRING"));

    private ReservationsAsset() {
    }

    static ChannelValue read(AssetChannel ch, SiteServices s, Instant now) {
        long t = now.toEpochMilli();
        if (!ch.name().equals(LIST)) return ChannelValue.of(ch, "", t);
        SocketReservations r = s.reservations().orElse(null);
        if (r == null) return ChannelValue.failed(ch, "unavailable: the balancer is not running", t);
        JsonArray list = new JsonArray();
        for (Reservation x : r.reservations()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", x.id());
            o.addProperty("socket", x.socket());
            o.addProperty("from", x.from().toString());
            o.addProperty("until", x.until().toString());
            o.addProperty("holder", x.holder());
            o.addProperty("by", x.actor());
            o.addProperty("used", x.used());
            list.add(o);
        }
        return ChannelValue.of(ch, GSON.toJson(list), t);
    }

    /**
     * @return the channel's value after the write: the new id for {@code reserve}, the cancelled id for
     *         {@code cancel}, empty when the value was empty (nothing done)
     * @throws IllegalArgumentException a bad value or the loop's refusal: nothing changed
     */
    static String write(AssetChannel ch, String value, SiteServices s, String actor) {
        String v = value.strip();
        if (v.isEmpty()) return ""; // what the channel shows, sent back by the console's Apply
        SocketReservations r = s.reservations().orElseThrow(() ->
                new IllegalArgumentException("reservations/" + ch.name() + ": unavailable, the balancer is not running"));
        if (ch.name().equals(CANCEL)) {
            if (!r.cancel(v, actor))
                throw new IllegalArgumentException("no reservation " + v + " (ended, expired or cancelled)");
            return v;
        }
        String[] p = v.split(",", 4);
        if (p.length != 4) throw new IllegalArgumentException("reservations/reserve: expected <socket>,<ISO from>,"
                + "<ISO until>,<holder>, e.g. 2,2026-12-07T17:00:00Z,2026-12-07T19:00:00Z,token:1a2b3c4d");
        int socket;
        Instant from;
        Instant until;
        try {
            socket = Integer.parseInt(p[0].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("reservations/reserve: socket '" + p[0] + "' is not a whole number");
        }
        try {
            from = Instant.parse(p[1].strip());
            until = Instant.parse(p[2].strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("reservations/reserve: from and until must be ISO-8601 instants such "
                    + "as 2026-12-07T17:00:00Z");
        }
        return r.reserve(socket, from, until, p[3].strip(), actor).id();
    }
}
