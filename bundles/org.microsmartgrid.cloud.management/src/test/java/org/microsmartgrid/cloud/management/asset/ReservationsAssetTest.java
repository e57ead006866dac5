package org.microsmartgrid.cloud.management.asset;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.api.control.Reservation;
import org.microsmartgrid.api.control.SocketReservations;

/** A technician reads and makes reservations through Kapua's asset page. */
class ReservationsAssetTest {
    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    /** Refuses an overlap naming the other, as the loop's book does. */
    final List<Reservation> book = new ArrayList<>();
    final SocketReservations reservations = new SocketReservations() {
        public List<Reservation> reservations() {
            return List.copyOf(book);
        }

        public Reservation reserve(int socket, Instant from, Instant until, String holder, String actor) {
            for (Reservation r : book)
                if (r.socket() == socket && r.from().isBefore(until) && from.isBefore(r.until()))
                    throw new IllegalArgumentException("presa " + socket + " già prenotata / socket " + socket
                            + " already reserved " + r.from() + "–" + r.until());
            Reservation r = new Reservation("r" + (book.size() + 1), socket, from, until, holder, actor, NOW, false);
            book.add(r);
            return r;
        }

        public boolean cancel(String id, String actor) {
            return book.removeIf(r -> r.id().equals(id));
        }
    };

    final AssetService assets = new AssetService(() -> new SiteServices(List.of(), List.of(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(reservations)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTechnicianReservesListsAndCancels() {
        JsonArray done = json(write("reserve", "2,2026-12-07T17:00:00Z,2026-12-07T19:00:00Z,token:1a2b3c4d"));
        assertEquals("r1", value(done, "reserve"));
        Reservation r = book.get(0);
        assertEquals(2, r.socket());
        assertEquals(Instant.parse("2026-12-07T17:00:00Z"), r.from());
        assertEquals("token:1a2b3c4d", r.holder());
        assertEquals("kapua:tech-01", r.actor());

        JsonArray list = JsonParser.parseString(value(json(call("EXEC", "read", "")), "list")).getAsJsonArray();
        assertEquals(1, list.size());
        JsonObject shown = list.get(0).getAsJsonObject();
        assertEquals("r1", shown.get("id").getAsString());
        assertEquals("2026-12-07T19:00:00Z", shown.get("until").getAsString());

        assertEquals("r1", value(json(write("cancel", "r1")), "cancel"));
        assertTrue(book.isEmpty());
        assertTrue(error(json(write("cancel", "r1")), "cancel").contains("no reservation r1"));
    }

    @Test
    void anOverlapOrABadValueIsTheChannelsErrorAndChangesNothing() {
        json(write("reserve", "2,2026-12-07T17:00:00Z,2026-12-07T19:00:00Z,token:1a2b3c4d"));
        assertTrue(error(json(write("reserve", "2,2026-12-07T18:00:00Z,2026-12-07T20:00:00Z,token:99999999")),
                "reserve").contains("already reserved"));
        for (String bad : new String[] {"2,2026-12-07T18:00:00Z", "x,2026-12-07T18:00:00Z,2026-12-07T20:00:00Z,h",
                "3,tomorrow,2026-12-07T20:00:00Z,h"})
            assertFalse(error(json(write("reserve", bad)), "reserve").isEmpty(), bad);
        assertEquals(1, book.size());
    }

    @Test
    void theConsolesApplyOfWhatItShowsDoesNothing() {
        json(write("reserve", "2,2026-12-07T17:00:00Z,2026-12-07T19:00:00Z,token:1a2b3c4d"));
        JsonArray shown = json(call("EXEC", "read", "[{\"name\":\"reservations\"}]"));
        assertEquals("", value(shown, "reserve"));
        JsonArray applied = json(call("EXEC", "write", "[{\"name\":\"reservations\",\"channels\":["
                + "{\"name\":\"list\",\"value\":" + new com.google.gson.JsonPrimitive(value(shown, "list")) + "},"
                + "{\"name\":\"reserve\",\"value\":\"\"},{\"name\":\"cancel\",\"value\":\"\"}]}]"));
        assertTrue(error(applied, "list").contains("read-only"));
        assertEquals("", value(applied, "reserve"));
        assertEquals(1, book.size());
    }

    private KuraResponse write(String channel, String value) {
        return call("EXEC", "write", "[{\"name\":\"reservations\",\"channels\":[{\"name\":\"" + channel
                + "\",\"type\":\"STRING\",\"value\":\"" + value + "\"}]}]");
    }

    private KuraResponse call(String method, String resource, String body) {
        return AssetHandler.handle(assets, new KuraRequest("ASSET-V1", method, List.of(resource),
                Map.of("request.id", "1", "requester.client.id", "tech-01"), body.getBytes(UTF_8), "1", "tech-01"));
    }

    private static JsonArray json(KuraResponse r) {
        assertEquals(KuraResponse.OK, r.code(), r.exception());
        return JsonParser.parseString(new String(r.body(), UTF_8)).getAsJsonArray();
    }

    private static String value(JsonArray assets, String channel) {
        JsonObject c = channel(assets, channel);
        assertTrue(c.has("value"), c.toString());
        return c.get("value").getAsString();
    }

    private static String error(JsonArray assets, String channel) {
        JsonObject c = channel(assets, channel);
        return c.has("error") && !c.get("error").isJsonNull() ? c.get("error").getAsString() : "";
    }

    private static JsonObject channel(JsonArray assets, String channel) {
        for (var a : assets) {
            if (!a.getAsJsonObject().get("name").getAsString().equals("reservations")) continue;
            for (var c : a.getAsJsonObject().getAsJsonArray("channels"))
                if (c.getAsJsonObject().get("name").getAsString().equals(channel)) return c.getAsJsonObject();
        }
        throw new AssertionError("no reservations/" + channel + " in " + assets);
    }
}
