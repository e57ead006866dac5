package org.microsmartgrid.city.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * "Sono alla porta / I am at the door" through the city (docs/building-access.md): the exported city runtime and an
 * exported demo module (its doors on Pi4J's mock GPIO) on the city's embedded broker. The building's system issues a
 * courier code on the module over CoAPS; the courier sends it to the city's public API, or types it on the map page,
 * and the module decides: the gate opens once, the module's journal says the code came from the city, the same code
 * is refused next time; the owner of the claimed point issues a courier code through the city (docs/people.md) and it
 * opens the gate too, and on the map page for the locker its installer keeps off the public page (only the keypad
 * opens it); with the module gone the page says to use the keypad.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DoorAtTheCityIT {

    static final String CLIENT = "msg-doors";
    static final String NAME = "Portineria Via Larga";
    private static final byte[] KEY = new byte[16];

    private CityWithModules world;
    private String point;
    private int coapsPort;
    private CoapEndpoint secure;
    private final HttpClient http = HttpClient.newHttpClient();
    /** The city's mail folder (sign-up codes), for the point's owner. */
    private Path mail;

    @BeforeAll
    void start() throws Exception {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        new SecureRandom().nextBytes(KEY);
        mail = Files.createTempDirectory("msg-mail");
        String people = "org.microsmartgrid.city.people.PeopleService.config";
        world = CityWithModules.start(List.of(new CityWithModules.Site(CLIENT, NAME, "45.4610", "9.1930", "1=")),
                Map.of(people, Files.readString(Path.of(System.getProperty("msg.city.conf"), people))
                        .replace("mail.folder=\"${msg.data}/city/mail-outbox\"",
                                "mail.folder=\"" + mail.toAbsolutePath() + "\"")
                        .replace("password.iterations=I\"600000\"", "password.iterations=I\"210000\""),
                        // this client address tries 7 codes before the flood (6 by default): room for all of them
                        "org.microsmartgrid.city.doors.Doors.config", "attempts.burst=I\"8\"\n"), conf -> {
                    try {
                        Path coap = conf.resolve("org.microsmartgrid.coap.CoapBuildingService.config");
                        String c = Files.readString(coap);
                        Matcher m = Pattern.compile("coaps\\.port=I\"(\\d+)\"").matcher(c);
                        assertTrue(m.find(), c);
                        coapsPort = Integer.parseInt(m.group(1));
                        Files.writeString(coap, c + "psk.identities=[\"bms:0x" + HexFormat.of().formatHex(KEY)
                                + ":rw\"]\n", StandardCharsets.UTF_8);
                        // the parcel locker is kept off the public page: only its owner and the keypad know it
                        Path locker = conf.resolve("org.microsmartgrid.building.access.Door-locker-1.config");
                        Files.writeString(locker, Files.readString(locker) + "public.page=B\"false\"\n");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        point = world.awaitPoint(NAME, p -> true).get("id").getAsString();
        Configuration config = Configuration.createStandardWithoutFile();
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress("127.0.0.1", 0))
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY)
                .setAdvancedPskStore(new AdvancedSinglePskStore("bms", KEY)).build();
        secure = CoapEndpoint.builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
    }

    @AfterAll
    void stop() throws Exception {
        if (secure != null) secure.destroy();
        if (world != null) world.close();
    }

    /** A courier code for the gate, issued by the building's system on the module (CoAPS, read-write key). */
    private String issueCode() throws Exception {
        CoapClient c = new CoapClient("coaps://127.0.0.1:" + coapsPort + "/building/codes");
        c.setEndpoint(secure);
        c.setTimeout(10_000L);
        CoapResponse r = c.post("{\"door\":\"portone\",\"kind\":\"COURIER\",\"minutes\":60}",
                MediaTypeRegistry.APPLICATION_JSON);
        assertNotNull(r, "no answer over CoAPS\n" + world.module(CLIENT).logTail());
        assertEquals(ResponseCode.CREATED, r.getCode(), r.getResponseText());
        for (JsonElement e : JsonParser.parseString(r.getResponseText()).getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("n") && o.get("n").getAsString().equals("code")) return o.get("vs").getAsString();
        }
        throw new AssertionError("no code in " + r.getResponseText());
    }

    private HttpResponse<String> open(String door, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(world.city.uri("/api/v1/doors/" + point + "/" + door + "/open"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    @Test
    @Order(1)
    void thePointListsTheModulesPublicDoorsAndNothingElse() throws Exception {
        HttpResponse<String> r = world.city.await("the module's doors on its point", "/api/v1/doors/" + point,
                CityWithModules.WAIT, resp -> resp.statusCode() == 200 && resp.body().contains("portone"));
        assertEquals(JsonParser.parseString("[{\"id\":\"portone\",\"label\":\"Portone / courtyard gate\"}]"),
                json(r).get("doors"), r.body() + " (the locker is kept off the public page)");
        assertFalse(r.body().contains("pin") || r.body().contains("fail"), "ids and labels only: " + r.body());
    }

    @Test
    @Order(2)
    void aCourierCodeOpensTheGateOnceThroughTheCity() throws Exception {
        String code = issueCode();
        assertEquals(400, open("portone", "{\"code\":\"12-34\"}").statusCode());
        assertEquals(404, open("cantina", "{\"code\":\"" + code + "\"}").statusCode());

        long sent = System.nanoTime();
        HttpResponse<String> opened = open("portone", "{\"code\":\"" + code + "\"}");
        // a figure for docs/benchmarks.md, not an assertion: the page → city → broker → module → back round trip
        System.out.printf("door code through the city, round trip: %d ms%n", (System.nanoTime() - sent) / 1_000_000);
        assertEquals(200, opened.statusCode(), opened.body() + "\n" + world.module(CLIENT).logTail());
        assertTrue(json(opened).get("opened").getAsBoolean(), opened.body());
        String log = Files.readString(world.module(CLIENT).log);
        assertTrue(log.contains("door portone: GRANTED via city"), "the module's journal names the channel");

        HttpResponse<String> again = open("portone", "{\"code\":\"" + code + "\"}");
        assertEquals(403, again.statusCode(), again.body());
        assertEquals("REUSED", json(again).get("outcome").getAsString());
        assertTrue(json(again).get("title").getAsString().contains("Codice già usato"), again.body());
    }

    /**
     * The installer reads the module's claim code on its console; the building's manager, a provider on the city,
     * claims the point with it and issues a courier code for the gate through the city's API: the module issues it
     * (its journal names the city's account), the city's log never shows it, and the courier opens the gate with it.
     */
    @Test
    @Order(3)
    void theClaimedPointsOwnerIssuesACourierCodeThroughTheCity() throws Exception {
        JarProcess module = world.module(CLIENT);
        HttpResponse<String> page = module.send(HttpRequest.newBuilder(module.uri("/system/console/claim"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("operator:" + CityWithModules.INSTALLER_PASSWORD).getBytes(StandardCharsets.UTF_8))));
        assertEquals(200, page.statusCode(), page.body());
        Matcher shown = Pattern.compile("id=\"claim-code\"[^>]*>([0-9A-Z-]{29})<").matcher(page.body());
        assertTrue(shown.find(), page.body());

        JarProcess city = world.city;
        String email = "amministratore@example.org";
        assertEquals(202, PeopleIT.post(city, "/api/v1/account/signup", "{\"email\": \"" + email + "\", "
                + "\"password\": \"un portone in cortile\", \"display_name\": \"Amministratore\"}", null, null)
                .statusCode());
        assertEquals(200, PeopleIT.post(city, "/api/v1/account/verify", "{\"token\": \""
                + PeopleIT.awaitCode(mail, email, city) + "\"}", null, null).statusCode());
        HttpResponse<String> login = PeopleIT.post(city, "/api/v1/account/login", "{\"email\": \"" + email + "\", "
                + "\"password\": \"un portone in cortile\", \"mode\": \"bearer\"}", null, null);
        assertEquals(200, login.statusCode(), login.body());
        String owner = "Bearer " + PeopleIT.json(login).get("token").getAsString();
        assertEquals(200, PeopleIT.post(city, "/api/v1/account/provider", null, "Authorization", owner).statusCode());
        HttpResponse<String> claimed = PeopleIT.post(city, "/api/v1/claims", "{\"code\": \"" + shown.group(1) + "\"}",
                "Authorization", owner);
        assertEquals(200, claimed.statusCode(), claimed.body());

        String codes = "/api/v1/claims/" + point + "/doors/portone/codes";
        HttpResponse<String> issued = PeopleIT.post(city, codes, "{\"minutes\": 30}", "Authorization", owner);
        assertEquals(201, issued.statusCode(), issued.body() + "\n" + module.logTail());
        String code = PeopleIT.json(issued).get("code").getAsString();
        String codeId = PeopleIT.json(issued).get("code_id").getAsString();
        assertTrue(Files.readString(module.log).contains("code " + codeId + " issued by city:"),
                "the module's journal names the city's account as the issuer");

        HttpResponse<String> opened = open("portone", "{\"code\": \"" + code + "\"}");
        assertEquals(200, opened.statusCode(), opened.body());
        assertTrue(json(opened).get("opened").getAsBoolean(), opened.body());
        assertFalse(Files.readString(city.log).contains(code), "the city never logs a code");
    }

    @Test
    @Order(4)
    void theMapPageOpensTheGateWithACode() throws Exception {
        String code = issueCode();
        try (MapBrowser browser = MapBrowser.open(world.city.uri("").toString(), "it")) {
            browser.position(45.4611, 9.1931);
            browser.get("/map/");
            browser.until("the point listed", d -> browser.listedNames().contains(NAME));
            browser.openFirstInList();
            browser.until("the door form", d -> browser.byId("door-code").isDisplayed());
            assertTrue(browser.byId("details-body").getText().contains("Sono alla porta"));
            assertEquals("numeric", browser.byId("door-code").getAttribute("inputmode"));
            new Select(browser.byId("door-which")).selectByValue("portone");
            browser.byId("door-code").sendKeys("1234");
            browser.byId("door-code").submit();
            browser.until("a code too short is said", d -> browser.byId("door-msg").getText().contains("Il codice ha 8 cifre"));
            browser.byId("door-code").clear();
            browser.byId("door-code").sendKeys(code);
            browser.driver.findElement(By.cssSelector("#details-body .door button[type=submit]")).click();
            browser.until("the gate opened", d -> browser.byId("door-msg").getText().contains("Porta aperta"));
            assertEquals(List.of(), browser.seriousAccessibilityViolations(), "axe-core, the door form (it)");
            browser.phone(true);
            browser.driver.executeScript("document.getElementById('door-msg').scrollIntoView({block: 'end'});");
            browser.screenshot("phone-door-it");
            // in English, the same box relabelled (what was typed and said stays)
            browser.byId("lang").click();
            browser.until("the box in English", d -> browser.byId("details-body").getText().contains("I am at the door")
                    && browser.byId("door-msg").getText().contains("Door open"));
        }
    }

    /**
     * On the map page, a provider who claimed nothing never sees the couriers' form; the point's owner (test 3) sees
     * it with every door of the building, the locker kept off the public page too, issues a code for the locker and
     * reads it once with its window. The public page answers that code as for a door that does not exist; the
     * building's own system (CoAPS, as the keypad) opens the locker with it.
     */
    @Test
    @Order(5)
    void theOwnerIssuesACourierCodeOnTheMapPageForTheLockerKeptOffThePublicPage() throws Exception {
        JarProcess city = world.city;
        String stranger = "vicino@example.org";
        assertEquals(202, PeopleIT.post(city, "/api/v1/account/signup", "{\"email\": \"" + stranger + "\", "
                + "\"password\": \"solo un vicino di casa\", \"display_name\": \"Vicino\"}", null, null).statusCode());
        assertEquals(200, PeopleIT.post(city, "/api/v1/account/verify", "{\"token\": \""
                + PeopleIT.awaitCode(mail, stranger, city) + "\"}", null, null).statusCode());
        HttpResponse<String> login = PeopleIT.post(city, "/api/v1/account/login", "{\"email\": \"" + stranger + "\", "
                + "\"password\": \"solo un vicino di casa\", \"mode\": \"bearer\"}", null, null);
        assertEquals(200, PeopleIT.post(city, "/api/v1/account/provider", null, "Authorization",
                "Bearer " + PeopleIT.json(login).get("token").getAsString()).statusCode());

        try (MapBrowser browser = MapBrowser.open(city.uri("").toString(), "it")) {
            browser.get("/map/");
            signIn(browser, stranger, "solo un vicino di casa");
            browser.until("the stranger's modules listed", d -> browser.byId("my-claims").getText()
                    .contains("Nessun modulo rivendicato"));
            assertFalse(browser.byId("courier-codes").isDisplayed(), "no couriers' form for someone else");

            browser.driver.manage().deleteAllCookies();
            browser.get("/map/");
            signIn(browser, "amministratore@example.org", "un portone in cortile");
            browser.until("the couriers' form with the locker", d -> browser.byId("courier-codes").isDisplayed()
                    && browser.byId("courier-code").getText().contains("Armadietto pacchi 1"));
            assertTrue(browser.byId("courier-codes").getText().contains("Codici per i corrieri"));
            Select door = new Select(browser.driver.findElement(By.cssSelector("#courier-code [name=door]")));
            assertEquals(List.of("Portone / courtyard gate", "Armadietto pacchi 1 / parcel locker 1 (non sulla pagina "
                    + "pubblica: solo tastierino)"), door.getOptions().stream().map(o -> o.getText()).toList());
            door.selectByValue("locker-1");
            WebElement minutes = browser.driver.findElement(By.cssSelector("#courier-code [name=minutes]"));
            minutes.clear();
            minutes.sendKeys("2");
            browser.driver.findElement(By.cssSelector("#courier-code button[type=submit]")).click();
            browser.until("a window too short is said", d -> browser.driver.findElement(
                    By.id(minutes.getAttribute("id") + "-err")).getText().contains("Un valore da 5 a 720"));
            minutes.clear();
            minutes.sendKeys("30");
            minutes.submit();
            browser.until("the code shown", d -> browser.byId("cc-code").getText().matches("[0-9]{8}"));
            String code = browser.byId("cc-code").getText();
            String shown = browser.byId("cc-result").getText();
            assertTrue(shown.contains("Armadietto pacchi 1") && shown.contains("Lo vedi solo ora"), shown);
            assertEquals("div#cc-result", browser.active().split(" ")[0], "the code has the focus, read at once");
            assertEquals(List.of(), browser.seriousAccessibilityViolations(), "axe-core, the couriers' form (it)");
            browser.screenshot("desktop-courier-code-it");
            browser.byId("lang").click();
            browser.until("the form in English, the code still there", d -> browser.byId("courier-codes").getText()
                    .contains("Couriers' codes") && browser.byId("cc-result").getText().contains("Shown only now")
                    && browser.byId("cc-code").getText().equals(code));

            HttpResponse<String> viaCity = open("locker-1", "{\"code\": \"" + code + "\"}");
            assertEquals(404, viaCity.statusCode(), viaCity.body());
            assertTrue(json(viaCity).get("title").getAsString().contains("Porta sconosciuta"), viaCity.body());
            assertFalse(city.send(HttpRequest.newBuilder(city.uri("/api/v1/doors/" + point))).body()
                    .contains("locker-1"), "the public list never shows it, though the city knows it");

            CoapClient c = new CoapClient("coaps://127.0.0.1:" + coapsPort + "/building/access");
            c.setEndpoint(secure);
            c.setTimeout(10_000L);
            CoapResponse opened = c.post("{\"door\":\"locker-1\",\"code\":\"" + code + "\"}",
                    MediaTypeRegistry.APPLICATION_JSON);
            assertNotNull(opened, "no answer over CoAPS");
            assertEquals(ResponseCode.CHANGED, opened.getCode(), opened.getResponseText());
        }
    }

    private static void signIn(MapBrowser page, String email, String password) {
        page.byId("account-open").click();
        page.until("the sign-in form", d -> !d.findElements(By.cssSelector("#signin [name=email]")).isEmpty());
        for (String[] f : new String[][] {{"email", email}, {"password", password}}) {
            WebElement e = page.driver.findElement(By.cssSelector("#signin [name=" + f[0] + "]"));
            e.clear();
            e.sendKeys(f[1]);
        }
        page.driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
        page.until("signed in", d -> page.byId("account-body").getText().contains("Hai effettuato l'accesso"));
    }

    @Test
    @Order(6)
    void withTheModuleGoneTheAnswerIsToUseTheKeypadAndAFloodIsAnsweredAtOnce() throws Exception {
        world.module(CLIENT).close();
        HttpResponse<String> r = open("portone", "{\"code\":\"12345678\"}");
        assertEquals(504, r.statusCode(), r.body());
        assertTrue(json(r).get("title").getAsString().contains("usate il tastierino"), r.body());

        // 300 codes at once from one address: every one answered (the limit or "not reachable"), none hanging
        long floodStart = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> flood = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++)
            flood.add(http.sendAsync(HttpRequest.newBuilder(world.city.uri("/api/v1/doors/" + point + "/portone/open"))
                    .header("Content-Type", "application/json").timeout(java.time.Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"1000" + (1000 + i) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        Map<Integer, Long> statuses = flood.stream().map(f -> f.join().statusCode())
                .collect(java.util.stream.Collectors.groupingBy(s -> s, java.util.stream.Collectors.counting()));
        System.out.printf("300 codes at once from one address: %s in %d ms%n", statuses,
                (System.nanoTime() - floodStart) / 1_000_000);
        assertTrue(java.util.Set.of(429, 504).containsAll(statuses.keySet()), statuses.toString());
        assertTrue(statuses.getOrDefault(429, 0L) >= 290, "one address tries only a few: " + statuses);
    }
}
