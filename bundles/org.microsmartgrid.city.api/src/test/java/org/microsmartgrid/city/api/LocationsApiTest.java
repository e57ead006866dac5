package org.microsmartgrid.city.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The older read endpoints over HTTP, held to the same OpenAPI document as search, clusters and events. */
class LocationsApiTest {

    private static ApiServer server;
    private static ValidatedApi api;
    private static Milan milan;

    @BeforeAll
    static void start() throws Exception {
        server = new ApiServer();
        milan = new Milan(server.registry);
        api = new ValidatedApi(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void listOneAndOpenDataAreAsDocumented() {
        assertEquals(5, api.get("/api/v1/locations?limit=10").json().getAsJsonArray("items").size());
        assertEquals(2, api.get("/api/v1/locations?limit=2&offset=3").json().getAsJsonArray("items").size());
        assertEquals("Bar bar a", api.get("/api/v1/locations/" + milan.barA).json().get("name").getAsString());
        ValidatedApi.Answer geo = api.get("/api/v1/open-data/locations.geojson");
        assertEquals(5, geo.json().getAsJsonArray("features").size());
        ValidatedApi.Answer csv = api.get("/api/v1/open-data/locations.csv");
        assertEquals(6, csv.body().strip().split("\r\n").length, "a header and five points");
        assertFalse(csv.body().contains(Milan.PRIVATE_NAME) || geo.body().contains(Milan.PRIVATE_NAME));
        assertTrue(api.get("/api/v1/openapi.yaml").body().startsWith("openapi: 3."));
    }

    @Test
    void unknownPointsAndBadIdsAreProblems() {
        assertEquals(404, api.get("/api/v1/locations/NO-SUCH-POINT").status());
        assertEquals(400, api.getBad("/api/v1/locations/" + "x".repeat(37)).status());
        assertEquals(400, api.getBad("/api/v1/locations?limit=501").status());
    }
}
