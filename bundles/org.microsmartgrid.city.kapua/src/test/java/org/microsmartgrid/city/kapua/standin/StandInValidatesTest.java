package org.microsmartgrid.city.kapua.standin;

import org.microsmartgrid.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The stand-in's checks can fail: requests Kapua's documents do not allow are reported. */
class StandInValidatesTest {

    @Test
    void reportsARequestOutsideKapuasDocuments() throws Exception {
        try (KapuaStandIn kapua = new KapuaStandIn(new ManualClock(Instant.parse("2026-12-07T08:00:00Z")))) {
            HttpClient http = HttpClient.newHttpClient();
            // Kapua's password policy: 12 characters with upper and lower case, a digit and a symbol
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(kapua.apiUrl() + "/authentication/user"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"kapua-sys\",\"password\":\"short\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, r.statusCode());
            http.send(HttpRequest.newBuilder(URI.create(kapua.apiUrl() + "/_/devices?limit=many")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(2, kapua.violations().size(), kapua.violations().toString());
            assertTrue(kapua.violations().get(0).contains("password"), kapua.violations().get(0));
            assertTrue(kapua.violations().get(1).contains("limit"), kapua.violations().get(1));
        }
    }
}
