package org.microsmartgrid.city.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * Every bad request gets an RFC 9457 problem (as openapi.yaml describes it) naming what is wrong, and changes nothing:
 * the same search answers the same afterwards.
 */
class BadRequestsTest {

    private static ApiServer server;
    private static ValidatedApi api;
    private static final String GOOD = "/api/v1/search?lat=45.4642&lon=9.19&radius=2000";

    @BeforeAll
    static void start() throws Exception {
        server = new ApiServer();
        new Milan(server.registry);
        api = new ValidatedApi(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static JsonObject problem(String pathAndQuery, int status) {
        ValidatedApi.Answer a = api.getBad(pathAndQuery);
        assertEquals(status, a.status(), pathAndQuery + " → " + a.body());
        assertTrue(a.contentType().startsWith(Problem.CONTENT_TYPE), a.contentType());
        JsonObject p = a.json();
        assertEquals(status, p.get("status").getAsInt());
        assertTrue(p.get("title").getAsString().contains(" / "), "Italian and English: " + p);
        return p;
    }

    private static void blames(String parameter, String pathAndQuery) {
        JsonObject p = problem(pathAndQuery, 400);
        assertEquals(parameter, p.has("parameter") ? p.get("parameter").getAsString() : null, p.toString());
    }

    @Test
    void coordinatesOutOfRange() {
        blames("lat", "/api/v1/search?lat=91&lon=9.19");
        blames("lon", "/api/v1/search?lat=45&lon=-180.5");
        blames("lat", "/api/v1/search?lat=NaN&lon=9");
        blames("lon", "/api/v1/search?lat=45&lon=Infinity");
        blames("lat", "/api/v1/search?lat=0x1p3&lon=9");
        blames("lon", "/api/v1/search?lat=45.46"); // a position needs both
        blames("lat", "/api/v1/search?radius=500"); // nowhere to search from
        blames("radius", "/api/v1/search?lat=45&lon=9&radius=0");
        blames("radius", "/api/v1/search?lat=45&lon=9&radius=50001");
    }

    @Test
    void malformedBoxes() {
        blames("bbox", "/api/v1/search?bbox=9.1,45.4,9.2");
        blames("bbox", "/api/v1/search?bbox=9.1,45.5,9.2,45.4"); // south of north
        blames("bbox", "/api/v1/search?bbox=a,b,c,d");
        blames("bbox", "/api/v1/search?bbox=9.1,45.4,9.2,95");
        blames("bbox", "/api/v1/clusters?bbox=9.1,45.4,9.2,45.5,1&zoom=12");
        blames("bbox", "/api/v1/clusters?zoom=12");
        blames("bbox", "/api/v1/events");
        blames("bbox", "/api/v1/events?bbox=1,2,3");
    }

    @Test
    void unknownFiltersAndValues() {
        problem("/api/v1/search?lat=45&lon=9&colour=red", 400);
        problem("/api/v1/search?lat=45&lon=9&lat=46", 400); // repeated
        blames("vehicle_class", "/api/v1/search?lat=45&lon=9&vehicle_class=TRAIN");
        blames("vehicle_class", "/api/v1/search?lat=45&lon=9&vehicle_class=EBIKE,");
        blames("connector", "/api/v1/search?lat=45&lon=9&connector=domestic_f");
        blames("facility", "/api/v1/search?lat=45&lon=9&facility=CASINO");
        blames("operator_type", "/api/v1/search?lat=45&lon=9&operator_type=PIRATE");
        blames("available_now", "/api/v1/search?lat=45&lon=9&available_now=yes");
        blames("min_rating", "/api/v1/search?lat=45&lon=9&min_rating=6");
        blames("min_power_w", "/api/v1/search?lat=45&lon=9&min_power_w=-1");
    }

    @Test
    void limitsOverTheMaximum() {
        blames("limit", "/api/v1/search?lat=45&lon=9&limit=101");
        blames("limit", "/api/v1/search?lat=45&lon=9&limit=0");
        blames("offset", "/api/v1/search?lat=45&lon=9&offset=10001");
        blames("zoom", "/api/v1/clusters?bbox=9.1,45.4,9.2,45.5&zoom=23");
        blames("zoom", "/api/v1/clusters?bbox=9.1,45.4,9.2,45.5");
        // the whole of Italy at street level would be millions of tiles
        blames("bbox", "/api/v1/clusters?bbox=6.6,36.6,18.5,47.1&zoom=18");
        problem("/api/v1/search?lat=45&lon=9&vehicle_class=" + "EBIKE,".repeat(400) + "CAR", 414);
    }

    @Test
    void nothingChanges() {
        String before = ageless(api.get(GOOD).body());
        int count = server.registry.count();
        for (String bad : List.of("/api/v1/search?lat=91&lon=9", "/api/v1/clusters?bbox=9.1,45.4,9.2,45.5&zoom=99",
                "/api/v1/search?lat=45&lon=9&available_now=maybe", "/api/v1/events?bbox=x"))
            api.getBad(bad);
        assertEquals(before, ageless(api.get(GOOD).body()));
        assertEquals(count, server.registry.count());
    }

    /** The answer without the ages of statuses, which grow with the clock. */
    private static String ageless(String body) {
        return body.replaceAll("\"status_age_s\":\\d+", "\"status_age_s\":0");
    }
}
