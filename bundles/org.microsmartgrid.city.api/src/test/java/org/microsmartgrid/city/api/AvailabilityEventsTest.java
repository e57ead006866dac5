package org.microsmartgrid.city.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.registry.EvseStatus;

import com.google.gson.JsonObject;

/**
 * What the map page sees on /api/v1/events: changes inside its box, in order, resumable with Last-Event-ID, each
 * event's data as openapi.yaml describes it.
 */
class AvailabilityEventsTest {

    private static final String CENTRE = "9.18,45.46,9.20,45.48"; // bar A, bar B, car park, home; not the far point

    private ApiServer server;
    private ValidatedApi api;
    private Milan milan;
    private long t = Milan.T0 + 10_000;

    @BeforeEach
    void start() throws Exception {
        start(ApiServer.config(10_000, 200, 1_000));
    }

    private void start(LiveRegistryConfig config) throws Exception {
        server = new ApiServer(config);
        milan = new Milan(server.registry);
        api = new ValidatedApi(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private void status(String client, int socket, EvseStatus s) {
        Milan.status(server.registry, client, socket, s, t += 1000);
    }

    private EventStream.Event availability(EventStream stream, String pointId) throws InterruptedException {
        EventStream.Event e = stream.next();
        assertEquals("availability", e.type(), e.toString());
        api.checkSchema(e.data(), "AvailabilityEvent");
        assertEquals(pointId, e.json().get("id").getAsString(), e.toString());
        return e;
    }

    private static String statusOf(EventStream.Event e, int socket) {
        for (var evse : e.json().getAsJsonArray("evses")) {
            JsonObject o = evse.getAsJsonObject();
            if (o.get("socket").getAsInt() == socket) return o.get("status").getAsString();
        }
        throw new AssertionError("no socket " + socket + " in " + e);
    }

    @Test
    void aChangeInTheBoxArrivesOneOutsideDoesNotNorOneThatChangesNothing() throws Exception {
        try (EventStream stream = new EventStream(server, api, CENTRE, null)) {
            status("far", 1, EvseStatus.CHARGING); // outside the box
            status("bar-a", 2, EvseStatus.AVAILABLE); // the same status again: not a change
            status("bar-a", 1, EvseStatus.CHARGING);
            EventStream.Event e = availability(stream, milan.barA);
            assertEquals("CHARGING", statusOf(e, 1));
            assertEquals("AVAILABLE", statusOf(e, 2));
            assertTrue(e.json().get("module_online").getAsBoolean());
            status("bar-b", 2, EvseStatus.AVAILABLE);
            EventStream.Event next = availability(stream, milan.barB);
            assertTrue(next.number() > e.number(), "ids grow");
        }
    }

    @Test
    void aModuleGoingOfflineIsAnEventWithEverySocketUnknown() throws Exception {
        try (EventStream stream = new EventStream(server, api, CENTRE, null)) {
            server.registry.moduleOffline(Milan.ACCOUNT, "bar-a", t += 1000);
            EventStream.Event e = availability(stream, milan.barA);
            assertFalse(e.json().get("module_online").getAsBoolean());
            assertEquals("UNKNOWN", statusOf(e, 1));
            assertEquals("UNKNOWN", statusOf(e, 2));
        }
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsWhatItMissed() throws Exception {
        String lastSeen;
        try (EventStream stream = new EventStream(server, api, CENTRE, null)) {
            status("bar-a", 1, EvseStatus.CHARGING);
            lastSeen = availability(stream, milan.barA).id();
        }
        // while it is away
        status("bar-a", 2, EvseStatus.OUTOFORDER);
        status("far", 2, EvseStatus.CHARGING);
        status("bar-b", 1, EvseStatus.AVAILABLE);
        try (EventStream again = new EventStream(server, api, CENTRE, lastSeen)) {
            EventStream.Event first = availability(again, milan.barA);
            assertEquals("OUTOFORDER", statusOf(first, 2));
            EventStream.Event second = availability(again, milan.barB);
            assertEquals("AVAILABLE", statusOf(second, 1));
            assertTrue(first.number() > Long.parseLong(lastSeen) && second.number() > first.number());
            // then live
            status("bar-a", 1, EvseStatus.AVAILABLE);
            assertEquals("AVAILABLE", statusOf(availability(again, milan.barA), 1));
        }
    }

    @Test
    void anIdOlderThanTheBufferAsksTheClientToReload() throws Exception {
        server.close();
        start(ApiServer.config(2, 200, 1_000));
        String first;
        try (EventStream stream = new EventStream(server, api, CENTRE, null)) {
            status("bar-a", 1, EvseStatus.CHARGING);
            first = availability(stream, milan.barA).id();
        }
        status("bar-a", 1, EvseStatus.AVAILABLE);
        status("bar-a", 1, EvseStatus.CHARGING);
        status("bar-a", 1, EvseStatus.AVAILABLE); // the buffer of 2 no longer holds the change after `first`
        try (EventStream again = new EventStream(server, api, CENTRE, first)) {
            EventStream.Event reload = again.next();
            assertEquals("reload", reload.type());
            api.checkSchema(reload.data(), "ReloadEvent");
            status("bar-b", 1, EvseStatus.AVAILABLE);
            availability(again, milan.barB); // and the stream goes on
        }
        try (EventStream fromAnotherRun = new EventStream(server, api, CENTRE, "1")) {
            assertEquals("reload", fromAnotherRun.next().type());
        }
    }

    @Test
    void clientsOverTheMaximumGetAProblem() throws Exception {
        server.close();
        start(ApiServer.config(100, 1, 100));
        try (EventStream one = new EventStream(server, api, CENTRE, null)) {
            ValidatedApi.Answer busy = api.get("/api/v1/events?bbox=" + CENTRE);
            assertEquals(503, busy.status());
            assertTrue(busy.contentType().startsWith(Problem.CONTENT_TYPE));
            assertThrows(IllegalStateException.class, () -> new EventStream(server, api, CENTRE, null).close());
        }
    }
}
