package org.microsmartgrid.city.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.search.GreatCircle;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** What a citizen's phone and the map page get from /api/v1/search and /api/v1/clusters, validated against openapi.yaml. */
class SearchApiTest {

    private ApiServer server;
    private ValidatedApi api;
    private Milan milan;

    @BeforeEach
    void start() throws Exception {
        server = new ApiServer();
        milan = new Milan(server.registry);
        api = new ValidatedApi(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private List<String> ids(String query) {
        ValidatedApi.Answer a = api.get("/api/v1/search?" + query);
        assertEquals(200, a.status(), a.body());
        List<String> ids = new ArrayList<>();
        for (JsonElement item : a.json().getAsJsonArray("items"))
            ids.add(item.getAsJsonObject().getAsJsonObject("point").get("id").getAsString());
        return ids;
    }

    private static final String NEAR_DUOMO = "lat=45.4642&lon=9.19";

    @Test
    void nearestFirstWithinTheRadiusWithDistances() {
        ValidatedApi.Answer a = api.get("/api/v1/search?" + NEAR_DUOMO + "&radius=1000");
        JsonArray items = a.json().getAsJsonArray("items");
        // the reference: every located point within 1 km, by great-circle distance
        List<Location> within = new ArrayList<>();
        for (Location l : server.registry.all()) {
            if (GreatCircle.distanceMetres(Milan.DUOMO_LAT, Milan.DUOMO_LON, l.latitude(), l.longitude()) <= 1000)
                within.add(l);
        }
        within.sort(Comparator.comparingDouble(l -> GreatCircle.distanceMetres(Milan.DUOMO_LAT, Milan.DUOMO_LON,
                l.latitude(), l.longitude())));
        assertEquals(within.stream().map(Location::id).toList(), ids(NEAR_DUOMO + "&radius=1000"));
        assertEquals(4, within.size(), "the far point is outside");
        double last = -1;
        for (JsonElement item : items) {
            double d = item.getAsJsonObject().get("distance_m").getAsDouble();
            assertTrue(d >= last && d <= 1000, "distances grow: " + d);
            last = d;
        }
        assertFalse(a.json().get("more").getAsBoolean());
    }

    @Test
    void theStatisticsLearnHowFarTheNearestFreePointWasNeverMore() {
        ValidatedApi.Answer a = api.get("/api/v1/search?" + NEAR_DUOMO + "&radius=1000");
        double nearestFree = Double.POSITIVE_INFINITY;
        for (JsonElement item : a.json().getAsJsonArray("items")) {
            JsonObject o = item.getAsJsonObject();
            boolean free = false;
            for (JsonElement e : o.getAsJsonObject("point").getAsJsonArray("evses"))
                free |= e.getAsJsonObject().get("status").getAsString().equals("AVAILABLE");
            if (free) {
                nearestFree = o.get("distance_m").getAsDouble();
                break;
            }
        }
        assertTrue(Double.isFinite(nearestFree), "Milan has a module with free sockets near the Duomo");
        assertEquals(1, server.searched.size());
        assertEquals(45.4642, server.searched.get(0)[0], 1e-9);
        assertEquals(nearestFree, server.searched.get(0)[2], 0.05, "the answer's rounding: 0.1 m");

        api.get("/api/v1/search?" + NEAR_DUOMO + "&radius=1000&offset=2");
        assertEquals(1, server.searched.size(), "a next page is the same search: not told again");
        api.get("/api/v1/search?lat=45.0&lon=9.0&radius=100");
        assertEquals(Double.POSITIVE_INFINITY, server.searched.get(1)[2], "nothing free in the answer");
    }

    @Test
    void coordinatesAsJavaScriptPrintsThemAreAccepted() {
        // 17 significant digits, as a browser's Number prints a position it computed
        assertEquals(ids(NEAR_DUOMO), ids("lat=45.464199999999998&lon=9.1900000000000013"));
        assertEquals(ids(NEAR_DUOMO), ids("lat=4.5464200e1&lon=9.19E0"));
    }

    @Test
    void eachFilterNarrowsTheAnswer() {
        String q = NEAR_DUOMO + "&radius=2000";
        assertEquals(List.of(milan.carPark), ids(q + "&vehicle_class=CAR"));
        assertEquals(List.of(milan.home, milan.barA, milan.barB), ids(q + "&vehicle_class=EBIKE,MOBILITY_AID"));
        assertEquals(List.of(milan.barA), ids(q + "&available_now=true"));
        assertEquals(List.of(milan.carPark), ids(q + "&free_of_charge=true"));
        assertEquals(List.of(milan.carPark), ids(q + "&facility=PARKING_LOT"));
        assertEquals(List.of(milan.carPark), ids(q + "&min_power_w=11000"));
        assertEquals(List.of(milan.carPark), ids(q + "&connector=IEC_62196_T2"));
        assertEquals(List.of(milan.home), ids(q + "&operator_type=PRIVATE_INDIVIDUAL"));
        assertEquals(List.of(milan.barA, milan.carPark, milan.barB), ids(q + "&open_now=true"),
                "hours the index cannot read (the home's) never count as open");
        assertEquals(List.of(), ids(q + "&min_rating=1"), "nobody is rated yet");
        assertEquals(List.of(milan.barA), ids(q + "&vehicle_class=EBIKE&available_now=true&operator_type=BUSINESS"));
    }

    @Test
    void pagesFollowEachOtherAndABoxLimitsTheSearch() {
        List<String> all = ids(NEAR_DUOMO + "&radius=50000");
        ValidatedApi.Answer first = api.get("/api/v1/search?" + NEAR_DUOMO + "&radius=50000&limit=2");
        assertTrue(first.json().get("more").getAsBoolean());
        List<String> paged = new ArrayList<>(ids(NEAR_DUOMO + "&radius=50000&limit=2"));
        paged.addAll(ids(NEAR_DUOMO + "&radius=50000&limit=2&offset=2"));
        paged.addAll(ids(NEAR_DUOMO + "&radius=50000&limit=2&offset=4"));
        assertEquals(all, paged);
        assertEquals(5, all.size());
        // only inside the box (bar B and the car park), distances from the user's position
        assertEquals(List.of(milan.carPark, milan.barB), ids(NEAR_DUOMO + "&bbox=9.1895,45.4655,9.1915,45.4710"));
        // without a position: from the box's centre
        JsonObject origin = api.get("/api/v1/search?bbox=9.18,45.46,9.20,45.48").json().getAsJsonObject("origin");
        assertEquals(45.47, origin.get("latitude").getAsDouble(), 1e-9);
    }

    @Test
    void aModuleGoingOfflineShowsUnknownNeverFreeAndComesBack() {
        Map<String, String> before = statuses(milan.barA);
        assertEquals(Map.of("1", "AVAILABLE", "2", "AVAILABLE"), before);
        server.registry.moduleOffline(Milan.ACCOUNT, "bar-a", Milan.T0 + 5_000);
        assertEquals(Map.of("1", "UNKNOWN", "2", "UNKNOWN"), statuses(milan.barA));
        JsonObject point = pointOf(milan.barA);
        assertFalse(point.getAsJsonObject("module").get("online").getAsBoolean());
        assertTrue(point.getAsJsonObject("module").has("last_heard"));
        assertEquals(List.of(), ids(NEAR_DUOMO + "&available_now=true"));
        // born again: its sockets show their status again, with how old it is
        server.registry.moduleBirth(new org.microsmartgrid.city.registry.ModuleBirth(Milan.ACCOUNT, "bar-a", "Bar bar-a",
                "SN-bar-a", "0.1.0", 45.4650, 9.1900, 2, Milan.T0 + 10_000));
        Milan.status(server.registry, "bar-a", 1, EvseStatus.AVAILABLE, Milan.T0 + 11_000);
        assertEquals(List.of(milan.barA), ids(NEAR_DUOMO + "&available_now=true"));
        JsonObject evse = pointOf(milan.barA).getAsJsonArray("evses").get(0).getAsJsonObject();
        assertEquals("AVAILABLE", evse.get("status").getAsString());
        assertTrue(evse.get("status_age_s").getAsLong() >= 49, "captured about a minute ago: " + evse);
    }

    @Test
    void aStatusChangeIsInTheNextAnswer() {
        assertEquals(List.of(milan.barA), ids(NEAR_DUOMO + "&available_now=true"));
        Milan.status(server.registry, "bar-b", 2, EvseStatus.AVAILABLE, Milan.T0 + 2_000);
        Milan.status(server.registry, "bar-a", 1, EvseStatus.CHARGING, Milan.T0 + 2_000);
        assertEquals(List.of(milan.barA, milan.barB), ids(NEAR_DUOMO + "&available_now=true"));
        Milan.status(server.registry, "bar-a", 2, EvseStatus.OUTOFORDER, Milan.T0 + 2_000);
        assertEquals(List.of(milan.barB), ids(NEAR_DUOMO + "&available_now=true"));
        // a replayed older message changes nothing
        Milan.status(server.registry, "bar-a", 2, EvseStatus.AVAILABLE, Milan.T0 + 1_500);
        assertEquals(List.of(milan.barB), ids(NEAR_DUOMO + "&available_now=true"));
    }

    @Test
    void theIndexIsRebuiltFromTheDatabaseAtStart() throws Exception {
        List<Milan> written = new ArrayList<>();
        try (ApiServer restarted = new ApiServer(ApiServer.config(100, 10, 100), r -> written.add(new Milan(r)))) {
            ValidatedApi again = new ValidatedApi(restarted);
            ValidatedApi.Answer a = again.get("/api/v1/search?" + NEAR_DUOMO + "&radius=50000&available_now=true");
            JsonArray items = a.json().getAsJsonArray("items");
            assertEquals(2, items.size(), a.body()); // bar A and the far point, both with free sockets
            assertEquals(written.get(0).barA, items.get(0).getAsJsonObject().getAsJsonObject("point").get("id").getAsString());
        }
    }

    @Test
    void aPrivateProvidersNameAndAddressAppearInNoAnswer() {
        List<String> bodies = List.of(
                api.get("/api/v1/search?" + NEAR_DUOMO + "&radius=2000").body(),
                api.get("/api/v1/search?" + NEAR_DUOMO + "&operator_type=PRIVATE_INDIVIDUAL").body(),
                api.get("/api/v1/clusters?bbox=9.18,45.46,9.20,45.48&zoom=19").body(),
                api.get("/api/v1/clusters?bbox=9.0,45.3,9.4,45.6&zoom=10").body());
        for (String body : bodies) {
            for (String leak : List.of(PRIVATE_NAME_PART, "Via Larga", "SN-bar", "bar-a"))
                assertFalse(body.contains(leak), leak + " in " + body);
        }
        assertTrue(bodies.get(1).contains(PublicView.PRIVATE_NAME));
    }

    private static final String PRIVATE_NAME_PART = "Rossi";

    @Test
    void clustersAddUpToThePointsInTheBoxAndSplitWhenZoomingIn() {
        JsonObject far = api.get("/api/v1/clusters?bbox=9.0,45.3,9.4,45.6&zoom=10").json();
        assertEquals(5, far.get("total").getAsInt());
        int sum = far.getAsJsonArray("points").size();
        JsonObject centre = null;
        for (JsonElement c : far.getAsJsonArray("clusters")) {
            sum += c.getAsJsonObject().get("count").getAsInt();
            if (c.getAsJsonObject().get("count").getAsInt() == 4) centre = c.getAsJsonObject();
        }
        assertEquals(5, sum);
        assertTrue(centre != null, "the four points around the Duomo are one cluster at zoom 10: " + far);
        assertEquals(1, centre.get("available").getAsInt(), "only bar A has a free socket");
        JsonObject near = api.get("/api/v1/clusters?bbox=9.185,45.462,9.195,45.472&zoom=18").json();
        assertEquals(0, near.getAsJsonArray("clusters").size());
        assertEquals(4, near.getAsJsonArray("points").size());
        // filters apply to clusters too
        JsonObject cars = api.get("/api/v1/clusters?bbox=9.0,45.3,9.4,45.6&zoom=10&vehicle_class=CAR").json();
        assertEquals(1, cars.get("total").getAsInt());
        assertEquals(milan.carPark, cars.getAsJsonArray("points").get(0).getAsJsonObject().get("id").getAsString());
    }

    private JsonObject pointOf(String id) {
        for (JsonElement item : api.get("/api/v1/search?" + NEAR_DUOMO + "&radius=2000").json().getAsJsonArray("items")) {
            JsonObject p = item.getAsJsonObject().getAsJsonObject("point");
            if (p.get("id").getAsString().equals(id)) return p;
        }
        throw new AssertionError(id + " not found");
    }

    private Map<String, String> statuses(String id) {
        Map<String, String> m = new java.util.TreeMap<>();
        for (JsonElement e : pointOf(id).getAsJsonArray("evses"))
            m.put(e.getAsJsonObject().get("socket").getAsString(), e.getAsJsonObject().get("status").getAsString());
        return m;
    }
}
