package org.microsmartgrid.city.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.broker.ModuleCredential;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.openqa.selenium.By;

/**
 * The municipality's dashboard (docs/municipality.md) in headless Chromium against the exported city runtime with the
 * demo's configuration (its Municipio 1 boundaries): two modules report closed charging sessions over MQTT, one at
 * Palazzo Marino (inside the Bastioni) and one at the Central Station (outside); a staff account with the role
 * MUNICIPALITY signs in on the map page and opens /stats/, whose charts and tables show the sessions per district, in
 * Italian and in English, without serious accessibility violations. Writes docs/screenshots/stats-desktop-*.png and
 * stats-availability-it.png.
 */
class StatsDashboardIT {

    static final String COMUNE = "statistica@comune.example.org";
    static final String PASSWORD = "pianificare le colonnine";

    @Test
    void theMunicipalitySeesSessionsPerDistrictInItalianAndEnglish() throws Exception {
        Path mail = Files.createTempDirectory("msg-mail");
        int port = JarProcess.freePort(), mqtt = JarProcess.freePort();
        Path conf = JarProcess.copyConf(Path.of(System.getProperty("msg.city.conf")),
                "port=I\"1883\"", "port=I\"" + mqtt + "\"",
                "mail.folder=\"${msg.data}/city/mail-outbox\"", "mail.folder=\"" + mail.toAbsolutePath() + "\"",
                "password.iterations=I\"600000\"", "password.iterations=I\"210000\"",
                "staff=[]", "staff=[\"MUNICIPALITY:" + COMUNE + "\"]",
                "public.url=\"http://localhost:8090/map\"", "public.url=\"http://127.0.0.1:" + port + "/map\"");
        SecureRandom random = new SecureRandom();
        ModuleCredential.Issued marino = ModuleCredential.issue("milano", "msg-marino", random);
        ModuleCredential.Issued centrale = ModuleCredential.issue("milano", "msg-centrale", random);
        Files.writeString(conf.resolve("org.microsmartgrid.city.broker.CityBroker.config"), "modules=[\""
                + marino.credential().format() + "\",\"" + centrale.credential().format() + "\"]\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (JarProcess city = JarProcess.start("city-stats", Path.of(System.getProperty("msg.city.jar")),
                List.of("-Xmx256m"), conf, port)) {
            city.await("people and power", "/api/v1/points/none/reputation", CityWithModules.WAIT, r -> r.statusCode() == 200);

            // ---- two modules: three sessions at Palazzo Marino (Municipio 1), one at the Central Station (outside)
            long now = System.currentTimeMillis(), h = 3_600_000L;
            try (Module m = new Module(mqtt, marino); Module c = new Module(mqtt, centrale)) {
                m.birth("Palazzo Marino", 45.4669, 9.1900, now);
                c.birth("Stazione Centrale", 45.4861, 9.2045, now);
                city.await("both points", "/api/v1/locations?limit=10", CityWithModules.WAIT,
                        r -> r.statusCode() == 200 && r.body().contains("Palazzo Marino") && r.body().contains("Stazione Centrale"));
                // socket 1 of each: Palazzo Marino free 10 minutes, then out of order 5; the station free throughout
                m.socket(1, "AVAILABLE", now - 3 * h);
                m.socket(1, "OUTOFORDER", now - 3 * h + 600_000);
                m.socket(1, "AVAILABLE", now - 3 * h + 900_000);
                c.socket(1, "AVAILABLE", now - 3 * h);
                c.socket(1, "AVAILABLE", now - 3 * h + 600_000);
                m.closed("s1", now - 3 * h, now - 3 * h + h / 2, 6000, 3000);
                m.closed("s2", now - 2 * h, now - 2 * h + h / 2, 4000, 1000);
                m.closed("s3", now - h, now - h + h / 2, 2000, 0);
                c.closed("s4", now - 2 * h, now - 2 * h + h / 2, 5000, 0);
            }
            // ---- the municipality's account chooses its password from the mail the runtime sent
            assertEquals(200, PeopleIT.post(city, "/api/v1/account/password-reset/confirm", "{\"token\": \""
                    + PeopleIT.awaitCode(mail, COMUNE, city) + "\", \"password\": \"" + PASSWORD + "\"}", null, null).statusCode());
            var login = PeopleIT.post(city, "/api/v1/account/login", "{\"email\": \"" + COMUNE + "\", \"password\": \""
                    + PASSWORD + "\", \"mode\": \"bearer\"}", null, null);
            assertEquals(200, login.statusCode(), login.body());
            String bearer = "Bearer " + PeopleIT.json(login).get("token").getAsString();
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
            String period = "?from=" + today.minusDays(2) + "&to=" + today.plusDays(1);
            awaitSessions(city, "/api/v1/stats/sessions" + period + "&by=district", bearer, 4);
            try (MapBrowser page = MapBrowser.open(city.uri("").toString(), "it")) {
                page.get("/stats/" + period);
                page.until("the dashboard asks to sign in", d -> page.byId("notice").getText().contains("Accedi con un account del Comune"));

                // ---- signed in on the map page, as the dashboard says
                page.get("/map/");
                page.until("the map page", d -> page.byId("account-open").isDisplayed());
                page.byId("account-open").click();
                page.until("the sign-in form", d -> !d.findElements(By.cssSelector("#signin [name=email]")).isEmpty());
                page.driver.findElement(By.cssSelector("#signin [name=email]")).sendKeys(COMUNE);
                page.driver.findElement(By.cssSelector("#signin [name=password]")).sendKeys(PASSWORD);
                page.driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
                page.until("signed in", d -> page.byId("account-body").getText().contains("Hai effettuato l'accesso"));

                // ---- the dashboard, in Italian
                page.get("/stats/" + period);
                page.until("the sessions per district", d -> rows(page, "t-groups").size() == 2);
                // CO2 by the documented rule with the demo's rates (120 g/km, 0.17 kWh/km, grid 250 g/kWh):
                // 12 kWh drive 70.6 km = 8.47 kg, minus 8 kWh from the grid = 2 kg → 6.5; 5 kWh: 3.53 − 1.25 → 2.3
                assertEquals(List.of(List.of("Municipio 1", "3", "1", "12", "33 %", "6,5"),
                        List.of("altro / other", "1", "1", "5", "0 %", "2,3")), rows(page, "t-groups"));
                assertEquals(List.of("Voce", "Sessioni", "Punti", "Energia (kWh)", "Quota solare", "CO2 evitata (kg)"),
                        headers(page, "t-groups"));
                assertEquals("Municipi configurati: Municipio 1", page.byId("districts-note").getText());
                assertEquals("Municipio (quartiere)", new org.openqa.selenium.support.ui.Select(page.byId("by"))
                        .getFirstSelectedOption().getText(), "districts first");
                // availability per district: one point in each, out of order only in Municipio 1
                page.until("availability per district", d -> rows(page, "t-avail-district").size() == 2);
                List<List<String>> available = rows(page, "t-avail-district");
                assertEquals(List.of("Municipio", "Punti", "Ore-presa osservate", "Libero", "In carica",
                        "Guasto o disattivato", "Non in linea"), headers(page, "t-avail-district"));
                assertEquals(List.of("Municipio 1", "1"), available.get(0).subList(0, 2));
                assertEquals(List.of("altro / other", "1"), available.get(1).subList(0, 2));
                assertTrue(!available.get(0).get(5).equals("0 %"), "Palazzo Marino was out of order: " + available);
                assertEquals("0 %", available.get(1).get(5), "the station never was: " + available);
                // the charts drawn (uPlot's canvas) with the same numbers in their tables
                page.until("four charts", d -> d.findElements(By.cssSelector(".chart canvas")).size() >= 4);
                assertEquals("Sessioni per ora del giorno", page.byId("h-hour").getText());
                page.byId("t-hour").findElement(By.xpath("..")).findElement(By.tagName("summary")).click();
                assertEquals(4, rows(page, "t-hour").stream().mapToInt(r -> Integer.parseInt(r.get(1))).sum(),
                        "four sessions over the hours of the day: " + rows(page, "t-hour"));
                assertEquals(List.of(), page.seriousAccessibilityViolations(), "axe-core, dashboard (it)");
                page.driver.executeScript("document.getElementById('h-groups').scrollIntoView();");
                page.screenshot("stats-desktop-it");
                page.driver.executeScript("document.getElementById('h-avail').scrollIntoView();");
                page.screenshot("stats-availability-it");

                // ---- in English
                page.byId("lang").click();
                // the headings change at the click, the tables when the page's new answers arrive: wait for both
                page.until("English", d -> page.byId("h-groups").getText().equals("By district, area, operator type and vehicle")
                        && rows(page, "t-groups").size() == 2 && headers(page, "t-groups").contains("Item"));
                assertEquals(List.of("Item", "Sessions", "Points", "Energy (kWh)", "Solar share", "CO2 avoided (kg)"),
                        headers(page, "t-groups"));
                assertEquals(List.of("Municipio 1", "3", "1", "12", "33 %", "6.5"), rows(page, "t-groups").get(0));
                assertEquals("Districts configured: Municipio 1", page.byId("districts-note").getText());
                assertEquals(List.of(), page.seriousAccessibilityViolations(), "axe-core, dashboard (en)");
                page.driver.executeScript("document.getElementById('h-groups').scrollIntoView();");
                page.screenshot("stats-desktop-en");
            }
            // the same numbers as open data: one point per district is too few to publish (k and 3 points)
            var open = city.get("/api/v1/stats/open/sessions.csv" + period + "&by=district");
            assertEquals(200, open.statusCode());
            assertEquals("2", open.headers().firstValue("X-Suppressed-Groups").orElse(""), open.body());
        }
    }

    /** Polls the API (as the municipality) until the ingest has handed over the sessions; fails with the last answer. */
    static void awaitSessions(JarProcess city, String path, String bearer, int expected) throws Exception {
        java.time.Instant end = java.time.Instant.now().plus(CityWithModules.WAIT);
        String last = "";
        while (java.time.Instant.now().isBefore(end)) {
            var r = city.send(java.net.http.HttpRequest.newBuilder(city.uri(path)).header("Authorization", bearer).GET());
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == 200) {
                int n = 0;
                for (var g : com.google.gson.JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("groups"))
                    n += g.getAsJsonObject().get("sessions").getAsInt();
                if (n >= expected) return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("sessions not in the statistics: " + last + "\n" + city.logTail());
    }

    /** The table's body as text, cell by cell (read in one step). */
    @SuppressWarnings("unchecked")
    static List<List<String>> rows(MapBrowser page, String holder) {
        return (List<List<String>>) page.driver.executeScript("const t = document.querySelector('#' + arguments[0] + ' tbody');"
                + "return t ? [...t.rows].map(r => [...r.cells].map(c => c.textContent)) : [];", holder);
    }

    @SuppressWarnings("unchecked")
    static List<String> headers(MapBrowser page, String holder) {
        return (List<String>) page.driver.executeScript("return [...document.querySelectorAll('#' + arguments[0] + ' thead th')]"
                + ".map(c => c.textContent);", holder);
    }

    /** A module on the city's broker with its own credential, publishing what its session ledger publishes. */
    static final class Module implements AutoCloseable {
        final MqttClient client;
        final String id;

        Module(int mqtt, ModuleCredential.Issued cred) throws Exception {
            id = cred.credential().clientId();
            client = new MqttClient("tcp://127.0.0.1:" + mqtt, id, new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setUserName(id);
            o.setPassword(cred.password().toCharArray());
            client.setTimeToWait(10_000);
            client.connect(o);
        }

        void birth(String name, double lat, double lon, long at) throws Exception {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("display_name", name);
            m.put("extended_properties", "{\"properties\":{\"MicroSmartGrid\":{\"sockets\":\"2\"}}}");
            client.publish("$EDC/milano/" + id + "/MQTT/BIRTH", KuraPayloadCodec.encode(
                    new KuraMessage(at, new KuraMessage.Position(lat, lon, null), m, null), false), 1, false);
        }

        private int reports;

        /** A socket's status report, as the module sends one every 10 s. */
        void socket(int n, String status, long at) throws Exception {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("msg.id", "status-" + id + "-" + ++reports);
            s.put("socket", n);
            s.put("status", status);
            s.put("power_w", 0.0);
            client.publish("milano/" + id + "/msg/sockets/" + n, KuraPayloadCodec.encode(KuraMessage.of(at, s), true), 1, false);
        }

        void closed(String session, long started, long ended, double wh, double solarWh) throws Exception {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("msg.id", "session-" + session + "-closed");
            s.put("session_id", session);
            s.put("socket", 1);
            s.put("mode", "NOW");
            s.put("state", "CLOSED");
            s.put("started", started);
            s.put("ended", ended);
            s.put("energy_wh", wh);
            s.put("solar_wh", solarWh);
            s.put("started_by", "plug");
            client.publish("milano/" + id + "/msg/sessions", KuraPayloadCodec.encode(KuraMessage.of(ended, s), true), 1, false);
        }

        @Override
        public void close() throws Exception {
            client.disconnect();
            client.close();
        }
    }
}
