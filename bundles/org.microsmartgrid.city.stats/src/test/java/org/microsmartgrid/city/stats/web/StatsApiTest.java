package org.microsmartgrid.city.stats.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.registry.store.TestDatabases;
import org.microsmartgrid.city.stats.availability.AvailabilityAggregator;
import org.microsmartgrid.city.stats.cer.Community;
import org.microsmartgrid.city.stats.cer.Member;
import org.microsmartgrid.city.stats.cer.Statements;
import org.microsmartgrid.city.stats.districts.Districts;
import org.microsmartgrid.city.stats.districts.DistrictsStatus;
import org.microsmartgrid.city.stats.energy.EnergyAggregator;
import org.microsmartgrid.city.stats.energy.HourEnergy;
import org.microsmartgrid.city.stats.sessions.Co2;
import org.microsmartgrid.city.stats.sessions.SessionHour;
import org.microsmartgrid.city.stats.sessions.UnmetDemand;
import org.microsmartgrid.city.stats.store.StatsMigrations;
import org.microsmartgrid.city.stats.store.StatsStore;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** /api/v1/stats over real HTTP (Jetty 11 of Felix HTTP) on a real H2 database with the statistics' schema. */
class StatsApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long JUNE_1 = LocalDate.of(2026, 6, 1).atStartOfDay(Statements.ITALY).toInstant().toEpochMilli();
    private static final long H = HourEnergy.HOUR_MS;
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private StatsStore store;

    @BeforeEach
    void start() throws Exception {
        DataSource db = TestDatabases.fresh();
        StatsMigrations.migrate(db);
        store = new StatsStore(db);
        List<SessionHour> s = new ArrayList<>();
        // a busy cell: 12 sessions at 4 points, 8 a.m. Italian time on 1 June; a quiet cell: one private charger, 2 sessions
        for (int p = 0; p < 4; p++)
            s.add(new SessionHour("loc-busy-" + p, JUNE_1 + 8 * H, "45.48,9.18", "Municipio 1", "PUBLIC_BODY", "CAR", 3, 30_000, 15_000));
        s.add(new SessionHour("loc-quiet", JUNE_1 + 8 * H, "45.52,9.21", Districts.OTHER, "PRIVATE_INDIVIDUAL", "EBIKE", 2, 1_000, 0));
        List<EnergyAggregator.Contribution> energy = new ArrayList<>();
        for (long h = JUNE_1; h < JUNE_1 + 720 * H; h += H) {
            energy.add(new EnergyAggregator.Contribution("a/solar", new HourEnergy(h, 0, 3000, H)));
            energy.add(new EnergyAggregator.Contribution("a/flats", new HourEnergy(h, 2000, 0, H)));
        }
        store.add(new EnergyAggregator.Pending(energy, Map.of(), List.of()), s);
        // 1 June's first hour: loc-busy-0 free half of it, charging a quarter, offline a quarter; loc-busy-1's two
        // sockets one free, one out of order; loc-busy-2 charging; loc-quiet (the only point of "other") half offline.
        // Searches in three cells, one of them across the boundary of Municipio 1 and 2.
        store.add(new EnergyAggregator.Pending(List.of(), Map.of(), List.of()), List.of(),
                List.of(availability("loc-busy-0", "Municipio 1", H / 2, H / 4, 0, H / 4),
                        availability("loc-busy-1", "Municipio 1", H, 0, H, 0),
                        availability("loc-busy-2", "Municipio 1", 0, H, 0, 0),
                        availability("loc-quiet", Districts.OTHER, H / 2, 0, 0, H / 2)),
                List.of(new UnmetDemand.Cell("45.48,9.18", "Municipio 1", JUNE_1, 40, 10),
                        new UnmetDemand.Cell("45.52,9.21", Districts.OTHER, JUNE_1, 3, 3),
                        new UnmetDemand.Cell("45.49,9.19", "Municipio 1", JUNE_1 + H, 8, 2),
                        new UnmetDemand.Cell("45.49,9.19", "Municipio 2", JUNE_1 + H, 4, 4)));
        Community c = new Community("bovisa", "CER Bovisa", "AC001", List.of(
                new Member("a/solar", "Scuola", LocalDate.of(2026, 1, 1), null),
                new Member("a/flats", "Condominio", LocalDate.of(2026, 1, 1), null)));
        StatsApi.Backend backend = new StatsApi.Backend() {
            public StatsStore store() { return store; }
            public void flush() { }
            public Optional<Set<String>> roles(String auth, String cookie) {
                if ("Bearer comune".equals(auth)) return Optional.of(Set.of("CITIZEN", "MUNICIPALITY"));
                if ("Bearer citizen".equals(auth)) return Optional.of(Set.of("CITIZEN"));
                return Optional.empty();
            }
            public List<Community> communities() { return List.of(c); }
            public double rateEurPerMWh() { return 100; }
            public double producerFraction() { return 0.5; }
            public int openDataK() { return 10; }
            public Co2 co2() { return new Co2(120, 0.15, 250); }
            public DistrictsStatus districts() {
                return new DistrictsStatus("/etc/msg/municipi.geojson", List.of("Municipio 1"),
                        "file dei quartieri non valido / districts file invalid: /etc/msg/municipi.geojson: feature 3: x");
            }
        };
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new StatsApi(() -> backend)), "/api/v1/stats/*");
        server.setHandler(context);
        server.start();
    }

    private static AvailabilityAggregator.Hour availability(String point, String district, long free, long charging,
                                                            long outOfOrder, long offline) {
        return new AvailabilityAggregator.Hour(point, district, JUNE_1, new long[] {free, charging, outOfOrder, offline});
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDetailIsForTheMunicipalityOnly() throws Exception {
        String q = "/api/v1/stats/sessions?from=2026-06-01&to=2026-06-30&by=area";
        HttpResponse<String> anonymous = get(q, null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("application/problem+json", anonymous.headers().firstValue("Content-Type").orElse(""));
        assertEquals(403, get(q, "citizen").statusCode());
        HttpResponse<String> ok = get(q, "comune");
        assertEquals(200, ok.statusCode());
        JsonObject busy = JsonParser.parseString(ok.body()).getAsJsonObject().getAsJsonArray("groups").get(0)
                .getAsJsonObject();
        assertEquals("45.48,9.18", busy.get("key").getAsString());
        assertEquals(12, busy.get("sessions").getAsInt());
        assertEquals(120.0, busy.get("energy_kwh").getAsDouble(), 1e-9);
        assertEquals(0.5, busy.get("solar_share").getAsDouble(), 1e-9);
        // 120 kWh drive 800 km: 96 kg for a petrol car; 60 kWh from the grid emit 15 kg
        assertEquals(81.0, busy.get("co2_avoided_kg").getAsDouble(), 1e-9);

        JsonObject hour = JsonParser.parseString(get("/api/v1/stats/sessions?from=2026-06-01&to=2026-06-30&by=hour_of_day",
                "comune").body()).getAsJsonObject().getAsJsonArray("groups").get(0).getAsJsonObject();
        assertEquals("8", hour.get("key").getAsString(), "8 hours after midnight in Milan (06:00 UTC): hour 8");
    }

    @Test
    void openDataLeavesOutSmallGroups() throws Exception {
        HttpResponse<String> r = get("/api/v1/stats/open/sessions.csv?from=2026-06-01&to=2026-06-30&by=area", null);
        assertEquals(200, r.statusCode());
        String[] lines = r.body().split("\r\n");
        assertEquals(2, lines.length, r.body());
        assertTrue(lines[1].startsWith("45.48,9.18") || lines[1].startsWith("\"45.48,9.18\""), lines[1]);
        assertEquals("1", r.headers().firstValue("X-Suppressed-Groups").orElse(""), "the private charger's cell");
        assertTrue(!r.body().contains("45.52"));
        assertEquals(400, get("/api/v1/stats/open/sessions.csv?from=2026-06-01&to=2026-06-30&by=location", null)
                .statusCode(), "single points are not open data");
    }

    @Test
    void availabilitySharesAndUnmetDemandWithItsOpenData() throws Exception {
        JsonObject p = JsonParser.parseString(get("/api/v1/stats/availability?from=2026-06-01&to=2026-06-01", "comune")
                .body()).getAsJsonObject().getAsJsonArray("points").get(0).getAsJsonObject();
        assertEquals("loc-busy-0", p.get("location_id").getAsString());
        assertEquals(0.5, p.get("free_share").getAsDouble(), 1e-9);
        assertEquals(0.25, p.get("offline_share").getAsDouble(), 1e-9);
        assertEquals(1.0, p.get("socket_hours").getAsDouble(), 1e-9);
        assertEquals(403, get("/api/v1/stats/availability?from=2026-06-01&to=2026-06-01", "citizen").statusCode());

        JsonObject cell = JsonParser.parseString(get("/api/v1/stats/unmet-demand?from=2026-06-01&to=2026-06-01", "comune")
                .body()).getAsJsonObject().getAsJsonArray("areas").get(0).getAsJsonObject();
        assertEquals(0.25, cell.get("unmet_share").getAsDouble(), 1e-9);
        HttpResponse<String> open = get("/api/v1/stats/open/unmet-demand.csv?from=2026-06-01&to=2026-06-01", null);
        assertEquals(200, open.statusCode());
        assertTrue(open.body().contains("45.48,9.18\",40,10,0.250") || open.body().contains("45.48,9.18,40,10,0.250"),
                open.body());
        assertTrue(!open.body().contains("45.52"), "3 searches could be one person's: left out");
        assertEquals("1", open.headers().firstValue("X-Suppressed-Groups").orElse(""));
    }

    @Test
    void availabilityPerDistrictIsTheShareOfItsPointsObservedTime() throws Exception {
        JsonArray districts = JsonParser.parseString(get("/api/v1/stats/availability?from=2026-06-01&to=2026-06-01",
                "comune").body()).getAsJsonObject().getAsJsonArray("districts");
        assertEquals(2, districts.size());
        JsonObject m1 = districts.get(0).getAsJsonObject(), other = districts.get(1).getAsJsonObject();
        assertEquals("Municipio 1", m1.get("district").getAsString());
        assertEquals(3, m1.get("points").getAsInt());
        // 4 socket-hours: free 0.5 + 1 h, charging 0.25 + 1 h, out of order 1 h, offline 0.25 h
        assertEquals(4.0, m1.get("socket_hours").getAsDouble(), 1e-9);
        assertEquals(0.375, m1.get("free_share").getAsDouble(), 1e-9);
        assertEquals(0.3125, m1.get("charging_share").getAsDouble(), 1e-9);
        assertEquals(0.25, m1.get("out_of_order_share").getAsDouble(), 1e-9);
        assertEquals(0.0625, m1.get("offline_share").getAsDouble(), 1e-9);
        assertEquals(Districts.OTHER, other.get("district").getAsString());
        assertEquals(1, other.get("points").getAsInt());
        assertEquals(0.5, other.get("offline_share").getAsDouble(), 1e-9);
        assertEquals(0, JsonParser.parseString(get("/api/v1/stats/availability?from=2026-06-02&to=2026-06-30", "comune")
                .body()).getAsJsonObject().getAsJsonArray("districts").size(), "nothing observed after 1 June");

        HttpResponse<String> csv = get("/api/v1/stats/availability.csv?from=2026-06-01&to=2026-06-01", "comune");
        assertEquals(200, csv.statusCode());
        assertEquals(List.of("district,points,socket_hours,free_share,charging_share,out_of_order_share,offline_share",
                "Municipio 1,3,4.000,0.375,0.313,0.250,0.063", "altro / other,1,1.000,0.500,0.000,0.000,0.500"),
                csv.body().lines().toList());
        assertTrue(get("/api/v1/stats/availability.csv?from=2026-06-01&to=2026-06-01&by=location", "comune").body()
                .contains("loc-busy-1,1,2.000,0.500,0.000,0.500,0.000"));
        assertEquals(401, get("/api/v1/stats/availability.csv?from=2026-06-01&to=2026-06-01", null).statusCode());

        // open data: a district of fewer than 3 points would be one provider's availability
        HttpResponse<String> open = get("/api/v1/stats/open/availability.csv?from=2026-06-01&to=2026-06-01", null);
        assertEquals(List.of("district,points,socket_hours,free_share,charging_share,out_of_order_share,offline_share",
                "Municipio 1,3,4.000,0.375,0.313,0.250,0.063"), open.body().lines().toList());
        assertEquals("1", open.headers().firstValue("X-Suppressed-Groups").orElse(""));
        assertEquals(400, get("/api/v1/stats/open/availability.csv?from=2026-06-01&to=2026-06-01&by=location", null)
                .statusCode(), "no point in open data");
    }

    @Test
    void unmetDemandPerDistrictCountsEachSearchWhereItStarted() throws Exception {
        JsonArray districts = JsonParser.parseString(get("/api/v1/stats/unmet-demand?from=2026-06-01&to=2026-06-01",
                "comune").body()).getAsJsonObject().getAsJsonArray("districts");
        assertEquals(List.of("Municipio 1 48 12 0.25", "Municipio 2 4 4 1.0", "altro / other 3 3 1.0"),
                districts.asList().stream().map(e -> {
                    JsonObject d = e.getAsJsonObject();
                    return d.get("district").getAsString() + " " + d.get("searches").getAsInt() + " "
                            + d.get("unmet").getAsInt() + " " + d.get("unmet_share").getAsDouble();
                }).toList());
        assertEquals(List.of("district,searches,unmet,unmet_share", "Municipio 1,48,12,0.250", "Municipio 2,4,4,1.000",
                "altro / other,3,3,1.000"), get("/api/v1/stats/unmet-demand.csv?from=2026-06-01&to=2026-06-01&by=district",
                "comune").body().lines().toList());
        HttpResponse<String> open = get("/api/v1/stats/open/unmet-demand.csv?from=2026-06-01&to=2026-06-01&by=district",
                null);
        assertEquals(List.of("district,searches,unmet,unmet_share", "Municipio 1,48,12,0.250"), open.body().lines().toList(),
                "fewer than k = 10 searches: left out");
        assertEquals("2", open.headers().firstValue("X-Suppressed-Groups").orElse(""));
        // the cell across the boundary is one cell in the grid's view
        String cells = get("/api/v1/stats/open/unmet-demand.csv?from=2026-06-01&to=2026-06-01", null).body();
        assertTrue(cells.contains("\"45.49,9.19\",12,6,0.500"), cells);
        assertEquals(400, get("/api/v1/stats/unmet-demand.csv?from=2026-06-01&to=2026-06-01&by=location", "comune")
                .statusCode());
    }

    @Test
    void badQueriesAreProblemsThatSayWhy() throws Exception {
        HttpResponse<String> r = get("/api/v1/stats/sessions?from=2026-06-31&to=2026-07-01&by=area", "comune");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("from"), r.body());
        assertEquals(400, get("/api/v1/stats/sessions?from=2025-01-01&to=2026-06-01&by=area", "comune").statusCode());
        assertEquals(400, get("/api/v1/stats/sessions?from=2026-06-02&to=2026-06-01&by=area", "comune").statusCode());
        assertEquals(400, get("/api/v1/stats/sessions?from=2026-06-01&to=2026-06-02&by=name", "comune").statusCode());
        assertEquals(404, get("/api/v1/stats/communities/nessuna/statements/2026-06", "comune").statusCode());
        assertEquals(400, get("/api/v1/stats/communities/bovisa/statements/2026-13", "comune").statusCode());
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + connector.getLocalPort() + "/api/v1/stats/communities")).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer comune").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test
    void aCommunitysMonthlyStatementAsJsonAndCsv() throws Exception {
        JsonObject s = JsonParser.parseString(get("/api/v1/stats/communities/bovisa/statements/2026-06", "comune")
                .body()).getAsJsonObject();
        assertEquals(1440.0, s.get("shared_kwh").getAsDouble(), 1e-6, "min(3, 2) kWh × 720 h");
        assertEquals(144.0, s.get("incentive_eur").getAsDouble(), 1e-9);
        assertEquals(0, s.get("missing_hours").getAsInt());
        HttpResponse<String> csv = get("/api/v1/stats/communities/bovisa/statements/2026-06.csv", "comune");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().contains("member,bovisa,2026-06,a/solar,Scuola,720,0,2160.000,0.000,720.000,100.0,72.00"),
                csv.body());
        assertEquals(401, get("/api/v1/stats/communities/bovisa/statements/2026-06.csv", null).statusCode());
    }

    @Test
    void pointsSessionsAndEnergyPerDistrictAndItsOpenData() throws Exception {
        HttpResponse<String> r = get("/api/v1/stats/sessions?from=2026-06-01&to=2026-06-30&by=district", "comune");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals("district", body.get("by").getAsString());
        JsonObject m1 = body.getAsJsonArray("groups").get(0).getAsJsonObject();
        assertEquals("Municipio 1", m1.get("key").getAsString());
        assertEquals(4, m1.get("points").getAsInt());
        assertEquals(12, m1.get("sessions").getAsInt());
        assertEquals(120.0, m1.get("energy_kwh").getAsDouble(), 1e-9);
        JsonObject other = body.getAsJsonArray("groups").get(1).getAsJsonObject();
        assertEquals("altro / other", other.get("key").getAsString(), "outside every district");
        assertEquals(1, other.get("points").getAsInt());

        HttpResponse<String> open = get("/api/v1/stats/open/sessions.csv?from=2026-06-01&to=2026-06-30&by=district", null);
        assertEquals(200, open.statusCode());
        assertTrue(open.body().contains("Municipio 1,12,4,120.000,0.500,"), open.body());
        assertTrue(!open.body().contains("altro"), "one private charger in 'other': left out");
        assertEquals("1", open.headers().firstValue("X-Suppressed-Groups").orElse(""));
    }

    @Test
    void theDistrictsInUseAndWhyAFileWasRefused() throws Exception {
        assertEquals(401, get("/api/v1/stats/districts", null).statusCode());
        HttpResponse<String> r = get("/api/v1/stats/districts", "comune");
        assertEquals(200, r.statusCode());
        JsonObject d = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals("Municipio 1", d.getAsJsonArray("districts").get(0).getAsString());
        assertTrue(d.get("error").getAsString().contains("feature 3"), r.body());
    }
}
