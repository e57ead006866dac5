package org.microsmartgrid.city.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

import org.microsmartgrid.city.ocpi.auth.PartnerToken;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** What an OCPI partner sees of the running city (docs/ocpi.md); the bundle's own tests check the details. */
final class OcpiProbe {

    final PartnerToken.Issued partner = PartnerToken.issue("it-partner", new SecureRandom());

    /** Adds this partner's hashed token to the city's OCPI configuration (before the city starts). */
    void configure(Path cityConf) throws Exception {
        Files.writeString(cityConf.resolve("org.microsmartgrid.city.ocpi.Ocpi.config"),
                "partners=[\"" + partner.partnerToken().format() + "\"]\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    /** The OCPI Location with this name, read once: OCPI reads the registry the API has just shown. */
    JsonObject location(JarProcess city, String name) throws Exception {
        HttpResponse<String> r = get(city, "/ocpi/2.2.1/locations?limit=100", partner.authorizationHeader());
        assertEquals(200, r.statusCode(), r.body());
        JsonObject envelope = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals(1000, envelope.get("status_code").getAsInt());
        for (JsonElement e : envelope.getAsJsonArray("data"))
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) return e.getAsJsonObject();
        throw new AssertionError(name + " not in OCPI: " + r.body());
    }

    /** No token, no data: 401 with OCPI status 2001. */
    void refusesStrangers(JarProcess city) throws Exception {
        for (String header : new String[] {null, "Token " + java.util.Base64.getEncoder().encodeToString(
                "guess".getBytes(StandardCharsets.US_ASCII))}) {
            HttpResponse<String> r = get(city, "/ocpi/2.2.1/locations", header);
            assertEquals(401, r.statusCode(), r.body());
            assertEquals(2001, JsonParser.parseString(r.body()).getAsJsonObject().get("status_code").getAsInt());
            assertTrue(!r.body().contains("Sormani"), r.body());
        }
    }

    private static HttpResponse<String> get(JarProcess city, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(city.uri(path)).GET();
        if (authorization != null) b.header("Authorization", authorization);
        return city.send(b);
    }
}
