package org.microsmartgrid.city.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import jakarta.mail.internet.MimeMessage;

/**
 * People and power in the exported city runtime (docs/people.md): the first moderator comes from the staff list and
 * chooses a password from a mailed code; a citizen signs up (code by mail, written to the demo's mail folder),
 * becomes a provider in the page's cookie session with its CSRF token, lists a socket; the moderator approves it and
 * the public read API (city.api) shows it, not monitored.
 */
class PeopleIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aListedSocketReachesThePublicApiAfterModeration() throws Exception {
        Path mail = Files.createTempDirectory("msg-mail");
        Path conf = JarProcess.copyConf(Path.of(System.getProperty("msg.city.conf")),
                "port=I\"1883\"", "port=I\"" + JarProcess.freePort() + "\"",
                "mail.folder=\"${msg.data}/city/mail-outbox\"", "mail.folder=\"" + mail.toAbsolutePath() + "\"",
                "password.iterations=I\"600000\"", "password.iterations=I\"210000\"",
                "staff=[]", "staff=[\"MODERATOR:moderazione@example.org\"]");
        try (JarProcess city = JarProcess.start("city-people", Path.of(System.getProperty("msg.city.jar")),
                List.of("-Xmx256m"), conf, JarProcess.freePort())) {
            city.await("people and power", "/api/v1/points/none/reputation", WAIT, r -> r.statusCode() == 200);

            String code = awaitCode(mail, "moderazione@example.org", city);
            assertEquals(200, post(city, "/api/v1/account/password-reset/confirm",
                    "{\"token\": \"" + code + "\", \"password\": \"moderare con calma\"}", null, null).statusCode());
            var login = post(city, "/api/v1/account/login",
                    "{\"email\": \"moderazione@example.org\", \"password\": \"moderare con calma\", \"mode\": \"bearer\"}", null, null);
            assertEquals(200, login.statusCode(), login.body());
            String moderator = "Bearer " + json(login).get("token").getAsString();

            assertEquals(202, post(city, "/api/v1/account/signup", "{\"email\": \"lucia@example.org\", "
                    + "\"password\": \"correct horse battery\", \"display_name\": \"Lucia\"}", null, null).statusCode());
            assertEquals(200, post(city, "/api/v1/account/verify",
                    "{\"token\": \"" + awaitCode(mail, "lucia@example.org", city) + "\"}", null, null).statusCode());
            login = post(city, "/api/v1/account/login",
                    "{\"email\": \"lucia@example.org\", \"password\": \"correct horse battery\"}", null, null);
            assertEquals(200, login.statusCode());
            String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("Secure") && setCookie.contains("SameSite=Strict"));
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            String csrf = json(login).get("csrf_token").getAsString();

            assertEquals(403, post(city, "/api/v1/account/provider", null, "Cookie", cookie).statusCode(), "no CSRF token");
            var provider = city.send(HttpRequest.newBuilder(city.uri("/api/v1/account/provider")).header("Cookie", cookie)
                    .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, provider.statusCode(), provider.body());
            var listed = city.send(HttpRequest.newBuilder(city.uri("/api/v1/listings")).header("Cookie", cookie)
                    .header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"name": "Bottega <b>Verde</b>", "address": "Corso Garibaldi 5", "city": "Milano",
                             "latitude": 45.4741, "longitude": 9.1838, "operator_type": "BUSINESS",
                             "vehicle_classes": ["EBIKE", "MOBILITY_AID"], "price": {"kind": "FREE"},
                             "sockets": [{"connector": "DOMESTIC_L", "power_w": 2000}]}
                            """)));
            assertEquals(201, listed.statusCode(), listed.body());
            String id = json(listed).get("id").getAsString();
            assertEquals(404, city.get("/api/v1/locations/" + id).statusCode(), "not public before moderation");

            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
            var photo = city.send(HttpRequest.newBuilder(city.uri("/api/v1/listings/" + id + "/photos")).header("Cookie", cookie)
                    .header("X-CSRF-Token", csrf).header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())));
            assertEquals(201, photo.statusCode(), "re-encoded by ImageIO inside the OSGi runtime: " + photo.body());

            var approved = post(city, "/api/v1/moderation/listings/" + id + "/approve", null, "Authorization", moderator);
            assertEquals(200, approved.statusCode(), approved.body());
            var point = city.get("/api/v1/locations/" + id);
            assertEquals(200, point.statusCode(), point.body());
            JsonObject p = json(point);
            assertEquals("Bottega <b>Verde</b>", p.get("name").getAsString(), "text, as written");
            assertFalse(p.get("monitored").getAsBoolean());
            assertTrue(city.get("/api/v1/open-data/locations.csv").body().contains(id));

            var bad = post(city, "/api/v1/listings", "{", "Authorization", moderator);
            assertEquals(403, bad.statusCode(), "a moderator is not a provider");
            assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
    }

    static HttpResponse<String> post(JarProcess city, String path, String body, String header, String value)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(city.uri(path));
        if (header != null) b.header(header, value);
        if (body != null) b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        else b.POST(HttpRequest.BodyPublishers.noBody());
        return city.send(b);
    }

    static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** The code in the newest .eml file to this address, read with Jakarta Mail (bodies are quoted-printable). */
    static String awaitCode(Path folder, String to, JarProcess city) throws Exception {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            try (var files = Files.list(folder)) {
                for (Path f : files.filter(x -> x.toString().endsWith(".eml")).sorted(java.util.Comparator.reverseOrder()).toList()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        MimeMessage m = new MimeMessage(null, in);
                        if (!m.getAllRecipients()[0].toString().equals(to)) continue;
                        Matcher c = Pattern.compile("(?:codice|code): ([A-Za-z0-9_-]{43})").matcher((String) m.getContent());
                        if (c.find()) return c.group(1);
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + to + " in " + folder + "\n" + city.logTail());
    }
}
