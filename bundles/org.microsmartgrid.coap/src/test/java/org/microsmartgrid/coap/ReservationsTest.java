package org.microsmartgrid.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.Reservation;
import org.microsmartgrid.api.control.SocketReservations;

/** /site/reservations over real CoAP/DTLS on loopback: reserve, list (without the holder), refuse, cancel. */
class ReservationsTest {

    /** Refuses overlaps on a socket like the loop does, with its message. */
    static final class Book implements SocketReservations {
        final List<Reservation> all = new ArrayList<>();

        @Override public synchronized List<Reservation> reservations() { return List.copyOf(all); }

        @Override public synchronized Reservation reserve(int socket, Instant from, Instant until, String holder, String actor) {
            for (Reservation r : all)
                if (r.socket() == socket && from.isBefore(r.until()) && r.from().isBefore(until))
                    throw new IllegalArgumentException("socket " + socket + " is already reserved");
            Reservation r = new Reservation(UUID.randomUUID().toString(), socket, from, until, holder, actor, from, false);
            all.add(r);
            return r;
        }

        @Override public synchronized boolean cancel(String id, String actor) {
            return all.removeIf(r -> r.id().equals(id));
        }
    }

    private final Site site = Site.withKeys();
    private final Book book = new Book();

    @AfterEach
    void close() {
        site.close();
    }

    private CoapClient rw(String path) {
        return site.clients.dtls(site.secure(), path, Site.RW_ID, Site.RW_KEY);
    }

    @Test
    void aBuildingSystemReservesListsAndCancelsAndAnOverlapIsRefused() throws Exception {
        site.service.useReservations(book);
        String body = "{\"socket\":2,\"from\":\"2026-11-25T18:00:00Z\",\"until\":\"2026-11-25T20:00:00Z\","
                + "\"holder\":\"token:1a2b3c4d\"}";
        CoapResponse r = rw("/site/reservations").post(body, MediaTypeRegistry.APPLICATION_JSON);
        assertEquals(ResponseCode.CREATED, r.getCode(), r.getResponseText());
        String id = r.getResponseText();
        assertEquals("id=" + id, r.getOptions().getLocationQueryString());
        assertEquals("coap:bms-1", book.all.get(0).actor());
        assertEquals(Instant.parse("2026-11-25T18:00:00Z"), book.all.get(0).from());

        CoapResponse overlap = rw("/site/reservations").post(body.replace("18:00", "19:00").replace("20:00", "21:00"),
                MediaTypeRegistry.APPLICATION_JSON);
        assertEquals(ResponseCode.BAD_REQUEST, overlap.getCode());
        assertTrue(overlap.getResponseText().contains("already reserved"), overlap.getResponseText());
        assertEquals(1, book.all.size(), "nothing changed");

        var list = Senml.json(site.clients.plain(site.plain(), "/site/reservations").get().getPayload());
        assertEquals(2.0, Senml.named(list, "n", id + "/socket").get("v"));
        assertEquals(1.0, Senml.named(list, "n", "count").get("v"));
        assertTrue(!list.toString().contains("1a2b3c4d"), "the holder is not shown to readers: " + list);

        assertEquals(ResponseCode.DELETED, rw("/site/reservations?id=" + id).delete().getCode());
        assertEquals(ResponseCode.NOT_FOUND, rw("/site/reservations?id=" + id).delete().getCode());
        assertTrue(book.all.isEmpty());
    }

    @Test
    void badBodiesAndReadersAreRefused() throws Exception {
        site.service.useReservations(book);
        assertEquals(ResponseCode.BAD_REQUEST, rw("/site/reservations").post("{\"socket\":2.5,\"from\":1,\"until\":2,"
                + "\"holder\":\"x\"}", MediaTypeRegistry.APPLICATION_JSON).getCode());
        CoapResponse noHolder = rw("/site/reservations").post("{\"socket\":2,\"from\":\"2026-11-25T18:00:00Z\","
                + "\"until\":\"2026-11-25T20:00:00Z\"}", MediaTypeRegistry.APPLICATION_JSON);
        assertEquals(ResponseCode.BAD_REQUEST, noHolder.getCode());
        assertTrue(noHolder.getResponseText().contains("holder"), noHolder.getResponseText());
        CoapResponse plain = site.clients.plain(site.plain(), "/site/reservations").post("{}", MediaTypeRegistry.APPLICATION_JSON);
        assertEquals(ResponseCode.UNAUTHORIZED, plain.getCode());
        CoapResponse ro = site.clients.dtls(site.secure(), "/site/reservations", Site.RO_ID, Site.RO_KEY)
                .post("{}", MediaTypeRegistry.APPLICATION_JSON);
        assertEquals(ResponseCode.FORBIDDEN, ro.getCode());
        assertTrue(book.all.isEmpty());
    }

    @Test
    void withoutTheLoopItIsUnavailable() throws Exception {
        CoapResponse r = rw("/site/reservations").post("{\"socket\":2,\"from\":\"2026-11-25T18:00:00Z\","
                + "\"until\":\"2026-11-25T20:00:00Z\",\"holder\":\"token:1a2b3c4d\"}", MediaTypeRegistry.APPLICATION_JSON);
        assertEquals(ResponseCode.SERVICE_UNAVAILABLE, r.getCode());
    }
}
