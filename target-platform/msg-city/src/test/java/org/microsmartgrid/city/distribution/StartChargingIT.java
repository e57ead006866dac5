package org.microsmartgrid.city.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * "Avvia la ricarica / Start charging" through the city (docs/people.md, docs/cloud-management.md): the exported city
 * runtime and an exported demo module on its embedded broker. A signed-in driver starts a session on the module's
 * empty socket 2 through the API; the module opens it as started by "city" (its log never names the driver), refuses
 * a second start on the busy socket, and when the session ends (nothing plugged: unplugged after 10 s) its CLOSED record
 * reaches the city, which closes the driver's start with the points its solar energy earned. On the map page the
 * signed-in driver starts socket 4 from the point's details; with the module gone, a start is a 504.
 */
class StartChargingIT {

    static final String CLIENT = "msg-start";
    static final String NAME = "Cortile Via Solare";

    @Test
    void aDriverStartsChargingFromTheCityAndTheClosedSessionComesBackToThem() throws Exception {
        long t0 = System.nanoTime();
        Path mail = Files.createTempDirectory("msg-mail");
        Path peopleConf = Path.of(System.getProperty("msg.city.conf"), "org.microsmartgrid.city.people.PeopleService.config");
        String people = Files.readString(peopleConf)
                .replace("mail.folder=\"${msg.data}/city/mail-outbox\"", "mail.folder=\"" + mail.toAbsolutePath() + "\"")
                .replace("password.iterations=I\"600000\"", "password.iterations=I\"210000\"");
        try (CityWithModules world = CityWithModules.start(List.of(new CityWithModules.Site(CLIENT, NAME, "45.4620",
                "9.1900", "1=")), Map.of("org.microsmartgrid.city.people.PeopleService.config", people), conf -> {
                    try {
                        Path sessions = conf.resolve("org.microsmartgrid.charging.ChargingSessionsService.config");
                        Files.writeString(sessions, Files.readString(sessions).replace("unplug.after.s=I\"120\"",
                                "unplug.after.s=I\"10\""), StandardCharsets.UTF_8);
                        // the balancer (60 s) and socket 2's relay (30 s) keep it off for a while after the module
                        // starts: 2 s here, so that the session's end (its relay on, nothing drawing) comes in seconds
                        Path balancer = conf.resolve("org.microsmartgrid.grid.balancer.Balancer.config");
                        Files.writeString(balancer, Files.readString(balancer).replace("min.on.s=I\"60\"", "min.on.s=I\"2\"")
                                .replace("min.off.s=I\"60\"", "min.off.s=I\"2\""), StandardCharsets.UTF_8);
                        Path relay = conf.resolve("org.microsmartgrid.relay.gpio.GpioRelay-socket-2.config");
                        Files.writeString(relay, Files.readString(relay).replace("min.off.ms=L\"30000\"",
                                "min.off.ms=L\"2000\""), StandardCharsets.UTF_8);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })) {
            JarProcess city = world.city;
            System.out.printf("city and module up: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            String point = world.awaitPoint(NAME, p -> true).get("id").getAsString();
            assertEquals(202, PeopleIT.post(city, "/api/v1/account/signup", "{\"email\": \"sole@example.org\", "
                    + "\"password\": \"correct horse battery\", \"display_name\": \"Sole\"}", null, null).statusCode());
            assertEquals(200, PeopleIT.post(city, "/api/v1/account/verify", "{\"token\": \""
                    + PeopleIT.awaitCode(mail, "sole@example.org", city) + "\"}", null, null).statusCode());
            String token = PeopleIT.json(PeopleIT.post(city, "/api/v1/account/login", "{\"email\": \"sole@example.org\", "
                    + "\"password\": \"correct horse battery\", \"mode\": \"bearer\"}", null, null)).get("token").getAsString();
            String bearer = "Bearer " + token;
            String start = "/api/v1/points/" + point + "/sockets/2/start";

            System.out.printf("driver signed in: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            long sent = System.nanoTime();
            HttpResponse<String> started = PeopleIT.post(city, start, "{\"mode\": \"NOW\"}", "Authorization", bearer);
            // a figure for the report, not an assertion: API → broker → module → back
            System.out.printf("start through the city, round trip: %d ms%n", (System.nanoTime() - sent) / 1_000_000);
            assertEquals(201, started.statusCode(), started.body() + "\n" + world.module(CLIENT).logTail());
            String session = PeopleIT.json(started).get("session_id").getAsString();

            HttpResponse<String> busy = PeopleIT.post(city, start, "{\"mode\": \"SOLAR_ONLY\"}", "Authorization", bearer);
            assertEquals(409, busy.statusCode(), busy.body());
            assertFalse(Files.readString(world.module(CLIENT).log).contains("sole@example.org"), "the module never learns who");

            // the session ends on the module (nothing drew power for 10 s) and its CLOSED record closes the driver's start
            HttpResponse<String> data = null;
            java.time.Instant end = java.time.Instant.now().plus(Duration.ofSeconds(90));
            while (java.time.Instant.now().isBefore(end)) {
                data = city.send(HttpRequest.newBuilder(city.uri("/api/v1/account/data")).header("Authorization", bearer));
                if (data.statusCode() == 200 && data.body().contains(session) && data.body().contains("\"closed\"")) break;
                Thread.sleep(500);
            }
            assertTrue(data.body().contains("\"closed\""), "the start never closed: " + data.body() + "\n"
                    + world.module(CLIENT).logTail() + "\n" + city.logTail());
            System.out.printf("session closed and paid: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            JsonObject mine = JsonParser.parseString(data.body()).getAsJsonObject().getAsJsonArray("charging_started")
                    .get(0).getAsJsonObject();
            assertEquals(session, mine.get("session_id").getAsString());
            double solar = mine.get("solar_wh").getAsDouble();
            assertEquals(Math.min(50, (int) (solar / 100)), mine.get("points").getAsInt(), "1 point per 100 Wh of solar");

            // the map page: the signed-in driver's details of the point offer the free sockets and start one
            try (MapBrowser page = MapBrowser.open(city.uri("").toString(), "it")) {
                page.position(45.4621, 9.1901);
                page.get("/map/");
                page.until("the point listed", d -> page.listedNames().contains(NAME));
                page.byId("account-open").click();
                page.until("the sign-in form", d -> !d.findElements(By.cssSelector("#signin [name=email]")).isEmpty());
                page.driver.findElement(By.cssSelector("#signin [name=email]")).sendKeys("sole@example.org");
                page.driver.findElement(By.cssSelector("#signin [name=password]")).sendKeys("correct horse battery");
                page.driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
                page.until("signed in", d -> page.byId("account-body").getText().contains("Hai effettuato l'accesso"));
                page.byId("account-close").click();
                page.openFirstInList();
                page.until("the start form", d -> !d.findElements(By.cssSelector("#remote-start [name=socket]")).isEmpty());
                assertTrue(page.byId("details-body").getText().contains("Avvia la ricarica"), page.byId("details-body").getText());
                new Select(page.driver.findElement(By.cssSelector("#remote-start [name=socket]"))).selectByValue("4");
                page.driver.findElement(By.cssSelector("#remote-start input[value=NOW]")).click();
                page.driver.findElement(By.cssSelector("#remote-start button[type=submit]")).click();
                page.until("started", d -> page.byId("details-body").getText().contains("Ricarica avviata"));
                assertEquals(List.of(), page.seriousAccessibilityViolations(), "axe-core, the start form (it)");
            }
            System.out.printf("started from the map page: %d ms%n", (System.nanoTime() - t0) / 1_000_000);

            world.module(CLIENT).close();
            world.awaitPoint(NAME, p -> !p.getAsJsonObject("module").get("online").getAsBoolean());
            HttpResponse<String> offline = PeopleIT.post(city, start, "{\"mode\": \"NOW\"}", "Authorization", bearer);
            assertEquals(504, offline.statusCode(), offline.body());
            System.out.printf("module gone, 504: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
