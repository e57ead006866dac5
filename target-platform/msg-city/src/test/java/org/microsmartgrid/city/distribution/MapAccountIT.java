package org.microsmartgrid.city.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The map page's signed-in screens (issue 11 over issue 10's API, docs/map-page.md) in headless Chromium against the
 * exported city runtime: a provider signs up on the page with the code the demo mails to its folder, lists a plain
 * socket (the position from the map), the staff moderator approves it in the queue, it appears on the map as not
 * monitored; a driver checks in and rates it, and the review shows on the point once the moderator has published it. Forms say what is
 * wrong while one types, and a refusal of the server is shown in the page's language. axe-core on every screen.
 */
class MapAccountIT {

    static final double[] GARIBALDI = {45.4741, 9.1838};
    static final String MODERATOR = "moderazione@example.org";
    static final String SHOP = "caffe@example.org";

    @Test
    void aProviderListsASocketAModeratorApprovesItADriverReviewsIt() throws Exception {
        Path mail = Files.createTempDirectory("msg-mail");
        int port = JarProcess.freePort();
        Path conf = JarProcess.copyConf(Path.of(System.getProperty("msg.city.conf")),
                "port=I\"1883\"", "port=I\"" + JarProcess.freePort() + "\"",
                "mail.folder=\"${msg.data}/city/mail-outbox\"", "mail.folder=\"" + mail.toAbsolutePath() + "\"",
                "password.iterations=I\"600000\"", "password.iterations=I\"210000\"",
                "staff=[]", "staff=[\"MODERATOR:" + MODERATOR + "\", \"BUSINESS:" + SHOP + "\"]",
                "public.url=\"http://localhost:8090/map\"", "public.url=\"http://127.0.0.1:" + port + "/map\"");
        try (JarProcess city = JarProcess.start("city-account", Path.of(System.getProperty("msg.city.jar")),
                List.of("-Xmx256m"), conf, port)) {
            city.await("people and power", "/api/v1/points/none/reputation", CityWithModules.WAIT, r -> r.statusCode() == 200);
            try (MapBrowser page = MapBrowser.open(city.uri("").toString(), "it")) {
                page.position(GARIBALDI[0], GARIBALDI[1]);
                page.get("/map/");
                page.until("an empty city", d -> page.byId("summary").getText().contains("Nessun punto"));

                // ---- the staff moderator opens the link of the mail the runtime sent and chooses a password
                String link = awaitLink(mail, MODERATOR, city);
                assertTrue(link.startsWith(page.base + "/map/#reset="), link);
                page.driver.get(link);
                page.until("the new-password form, the code filled in", d -> !d.findElements(By.cssSelector("#reset-confirm [name=password]")).isEmpty()
                        && !field(page, "#reset-confirm [name=token]").getAttribute("value").isEmpty());
                assertFalse(page.driver.getCurrentUrl().contains("reset="), "the code leaves the address bar");
                type(page, "#reset-confirm [name=password]", "moderare con calma");
                page.driver.findElement(By.cssSelector("#reset-confirm button[type=submit]")).click();
                page.until("password set", d -> page.byId("account-body").getText().contains("Password cambiata"));
                page.byId("account-close").click();

                // ---- a provider signs up on the page; the code comes by mail
                page.byId("account-open").sendKeys(Keys.ENTER); // from the keyboard: the panel takes the focus
                page.until("the sign-in form", d -> page.byId("account").isDisplayed());
                assertTrue(page.active().startsWith("h2#account-h Accedi"), page.active());
                new Actions(page.driver).sendKeys(Keys.ESCAPE).perform(); // Escape closes it, the focus goes back
                page.until("closed", d -> !page.byId("account").isDisplayed());
                assertTrue(page.active().startsWith("button#account-open"), page.active());
                page.byId("account-open").click();
                page.until("the sign-in form", d -> page.byId("account").isDisplayed());
                page.driver.findElement(By.xpath("//button[.='Non hai un account? Creane uno']")).click();
                type(page, "#signup [name=display_name]", "Lucia");
                type(page, "#signup [name=email]", "lucia@example");
                type(page, "#signup [name=password]", "corto");
                assertEquals("✕ Almeno 10 caratteri.", error(page, "#signup [name=password]"), "said while typing");
                assertEquals("true", field(page, "#signup [name=password]").getAttribute("aria-invalid"));
                field(page, "#signup [name=password]").sendKeys(" ma non troppo");
                assertEquals("", error(page, "#signup [name=password]"));
                type(page, "#signup [name=email]", "lucia@example.org");
                assertEquals(List.of(), page.seriousAccessibilityViolations(), "axe-core, sign-up (it)");
                page.driver.findElement(By.cssSelector("#signup button[type=submit]")).click();
                page.until("the code form", d -> !page.driver.findElements(By.cssSelector("#verify [name=token]")).isEmpty());
                type(page, "#verify [name=token]", PeopleIT.awaitCode(mail, "lucia@example.org", city));
                page.driver.findElement(By.cssSelector("#verify button[type=submit]")).click();
                page.until("confirmed", d -> page.byId("account-body").getText().contains("Indirizzo confermato"));
                signIn(page, "lucia@example.org", "corto ma non troppo");
                page.driver.findElement(By.xpath("//button[.='Offro una presa']")).click();
                page.until("the listing form", d -> !page.driver.findElements(By.id("listing")).isEmpty());

                // ---- the listing form: validated while typing, the position from the map
                type(page, "#listing [name=name]", "Bo");
                assertEquals("✕ Almeno 3 caratteri.", error(page, "#listing [name=name]"));
                type(page, "#listing [name=name]", "Bottega\u200bVerde"); // a zero-width space: only the server refuses it
                new Select(field(page, "#listing [name=operator_type]")).selectByValue("BUSINESS");
                type(page, "#listing [name=address]", "Corso Garibaldi 5");
                page.driver.findElement(By.xpath("//form[@id='listing']//button[.='Usa il centro della mappa']")).click();
                page.until("the position from the map", d -> !field(page, "#listing [name=latitude]").getAttribute("value").isEmpty());
                double lat = Double.parseDouble(field(page, "#listing [name=latitude]").getAttribute("value"));
                assertTrue(Math.abs(lat - GARIBALDI[0]) < 0.001, "the map is centred where the provider is: " + lat);
                page.driver.findElement(By.cssSelector("#listing input[value=EBIKE]")).click();
                new Select(field(page, "#listing [name=connector]")).selectByValue("DOMESTIC_L");
                type(page, "#listing [name=power_w]", "30000");
                assertEquals("✕ Un valore da 100 a 22000.", error(page, "#listing [name=power_w]"));
                type(page, "#listing [name=power_w]", "2000");
                new Select(field(page, "#listing [name=price_kind]")).selectByValue("PER_HOUR");
                page.driver.findElement(By.cssSelector("#listing button[type=submit]")).click();
                assertEquals("✕ Campo obbligatorio.", error(page, "#listing [name=amount]"), "a price needs an amount");
                assertEquals(field(page, "#listing [name=amount]"), page.driver.switchTo().activeElement(), "focus on what to fix");
                type(page, "#listing [name=amount]", "0.50");
                type(page, "#listing [name=opening_hours]", "Mo-Sa 09:00-19:00");
                assertEquals(List.of(), page.seriousAccessibilityViolations(), "axe-core, listing form (it)");
                page.driver.findElement(By.cssSelector("#listing button[type=submit]")).click();
                // the server's problem details, in Italian only (the API writes "italiano / English")
                String problem = page.until("the server's refusal", d -> {
                    String p = page.driver.findElement(By.cssSelector("#listing .problem")).getText();
                    return p.isEmpty() ? null : p;
                });
                assertTrue(problem.startsWith("Richiesta non valida") && !problem.contains("Bad request"), problem);
                type(page, "#listing [name=name]", "Bottega Verde");
                page.driver.findElement(By.cssSelector("#listing button[type=submit]")).click();
                page.until("listed, in moderation", d -> page.byId("my-listings").getText().contains("Bottega Verde In moderazione"));
                assertTrue(page.driver.findElement(By.cssSelector("#listing .status")).getText().contains("in attesa di moderazione"));
                page.screenshot("desktop-listing-it");
                page.driver.findElement(By.xpath("//button[.='Esci']")).click();
                page.until("signed out", d -> page.byId("account-body").getText().contains("Sei uscito"));

                // ---- the moderator approves it in the queue
                signIn(page, MODERATOR, "moderare con calma");
                page.until("the queue", d -> page.byId("queue").getText().contains("Bottega Verde"));
                assertTrue(page.byId("queue").getText().contains("Corso Garibaldi 5, Milano · Bici elettrica · presa italiana (L) 2000 W"),
                        page.byId("queue").getText());
                assertEquals(List.of(), page.seriousAccessibilityViolations(), "axe-core, moderation queue (it)");
                page.driver.findElement(By.xpath("//div[@id='queue']//button[.='Approva']")).click();
                page.until("the queue empty", d -> page.byId("queue").getText().contains("Niente da moderare"));
                page.driver.findElement(By.xpath("//button[.='Esci']")).click();
                page.until("signed out", d -> page.byId("account-body").getText().contains("Sei uscito"));
                page.byId("account-close").click();

                // ---- on the map, not monitored
                page.until("the new point listed", d -> page.listedNames().equals(List.of("Bottega Verde")));
                assertTrue(page.entry("Bottega Verde").contains("Stato non rilevato"), page.entry("Bottega Verde"));
                page.until("its marker", d -> "1".equals(page.driver.findElement(By.tagName("body")).getAttribute("data-markers")));

                // ---- a café of the staff list (BUSINESS) chooses its password from the mail and lists its point (API)
                assertEquals(200, PeopleIT.post(city, "/api/v1/account/password-reset/confirm", "{\"token\": \""
                        + PeopleIT.awaitCode(mail, SHOP, city) + "\", \"password\": \"caffe e ricariche\"}", null, null).statusCode());
                var listed = PeopleIT.post(city, "/api/v1/listings", "{\"name\": \"Caffè Brera\", \"address\": \"Via Solferino 3\", "
                        + "\"city\": \"Milano\", \"latitude\": 45.4760, \"longitude\": 9.1870, \"operator_type\": \"BUSINESS\", "
                        + "\"vehicle_classes\": [\"EBIKE\"], \"price\": {\"kind\": \"FREE\"}, "
                        + "\"sockets\": [{\"connector\": \"DOMESTIC_F\", \"power_w\": 2300}]}", "Authorization", bearer(city, SHOP, "caffe e ricariche"));
                assertEquals(201, listed.statusCode(), listed.body());
                var approved = PeopleIT.post(city, "/api/v1/moderation/listings/" + PeopleIT.json(listed).get("id").getAsString()
                        + "/approve", null, "Authorization", bearer(city, MODERATOR, "moderare con calma"));
                assertEquals(200, approved.statusCode(), approved.body());

                // ---- a driver (signed up over the API) checks in and rates it
                assertEquals(202, PeopleIT.post(city, "/api/v1/account/signup", "{\"email\": \"marco@example.org\", "
                        + "\"password\": \"pedalare piano\", \"display_name\": \"Marco\"}", null, null).statusCode());
                assertEquals(200, PeopleIT.post(city, "/api/v1/account/verify", "{\"token\": \""
                        + PeopleIT.awaitCode(mail, "marco@example.org", city) + "\"}", null, null).statusCode());
                page.openFirstInList();
                page.until("details", d -> page.byId("details-body").getText().contains("Ancora nessuna recensione"));
                assertFalse(page.byId("details-body").getText().matches("(?s).*\\bnull\\b.*"),
                        "no missing part shown as 'null': " + page.byId("details-body").getText());
                page.driver.findElement(By.xpath("//div[@id='details-body']//button[starts-with(., 'Accedi per')]")).click();
                page.until("the sign-in form", d -> !d.findElements(By.cssSelector("#signin [name=email]")).isEmpty());
                type(page, "#signin [name=email]", "marco@example.org");
                type(page, "#signin [name=password]", "pedalare piano");
                page.driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
                // signed in, the page goes back to the point, now with the driver's forms
                page.until("the driver's forms on the point", d -> page.byId("details").isDisplayed()
                        && !page.driver.findElements(By.id("checkin")).isEmpty());
                assertEquals("Bottega Verde", page.byId("details-h").getText());
                page.driver.findElement(By.cssSelector("#checkin input[value=FAILED]")).click();
                page.driver.findElement(By.cssSelector("#checkin button[type=submit]")).click();
                assertEquals("✕ Di' perché non hai potuto caricare.", error(page, "#checkin [name=reason]"));
                page.driver.findElement(By.cssSelector("#checkin input[value=CHARGED]")).click();
                assertFalse(field(page, "#checkin [name=reason]").isDisplayed(), "no reason asked when it charged");
                page.driver.findElement(By.cssSelector("#checkin button[type=submit]")).click();
                page.until("checked in", d -> page.driver.findElement(By.cssSelector("#checkin .status")).getText().contains("Check-in registrato"));
                page.driver.findElement(By.cssSelector("#review input[value='4']")).click();
                type(page, "#review [name=comment]", "Cortile tranquillo, <b>presa</b> comoda");
                page.driver.findElement(By.cssSelector("#review button[type=submit]")).click();
                page.until("held for a moderator", d -> page.driver.findElement(By.cssSelector("#review .status")).getText()
                        .contains("dopo il controllo di un moderatore"));
                WebElement fav = page.driver.findElement(By.xpath("//button[.='Aggiungi ai preferiti']"));
                fav.click();
                page.until("a favourite", d -> "true".equals(fav.getAttribute("aria-pressed")));
                assertEquals(List.of(), page.seriousAccessibilityViolations(), "axe-core, driver's forms (it)");
                page.driver.executeScript("document.getElementById('checkin').scrollIntoView();");
                page.screenshot("desktop-checkin-it");

                // "Solo preferiti": of the two points, the one he saved
                page.byId("details-close").click();
                page.until("both points listed", d -> page.listedNames().equals(List.of("Bottega Verde", "Caffè Brera")));
                page.byId("f-fav").click();
                page.until("favourites only", d -> page.listedNames().equals(List.of("Bottega Verde")));
                page.byId("f-fav").click();
                page.until("both again", d -> page.listedNames().size() == 2);

                // the moderator publishes the first review of a new account in the queue
                page.byId("account-open").click();
                // his reward points: 2 for the check-in that charged
                page.until("his reward points", d -> page.byId("my-rewards").getText().contains("Saldo: 2 punti."));
                assertTrue(page.byId("my-rewards").getText().contains("+2 Check-in"), page.byId("my-rewards").getText());
                assertEquals(List.of(), page.seriousAccessibilityViolations(), "axe-core, a driver's account: points and data (it)");
                page.driver.findElement(By.xpath("//button[.='Esci']")).click();
                page.until("no favourites filter signed out", d -> !page.byId("f-fav").isDisplayed());
                signIn(page, MODERATOR, "moderare con calma");
                page.until("the held review", d -> page.byId("queue").getText().contains("Recensione: 4 su 5"));
                assertTrue(page.byId("queue").getText().contains("Cortile tranquillo, <b>presa</b> comoda"), page.byId("queue").getText());
                page.driver.findElement(By.xpath("//div[@id='queue']//button[.='Pubblica']")).click();
                page.until("the queue empty", d -> page.byId("queue").getText().contains("Niente da moderare"));
                page.driver.findElement(By.xpath("//button[.='Esci']")).click();
                page.until("signed out", d -> page.byId("account-body").getText().contains("Sei uscito"));

                // the review on the point for everyone, as text, in English after switching
                page.get("/map/");
                page.until("the points", d -> page.listedNames().equals(List.of("Bottega Verde", "Caffè Brera")));
                page.byId("lang").click();
                page.openFirstInList();
                page.until("the review shown", d -> page.byId("details-body").getText().contains("Cortile tranquillo, <b>presa</b> comoda"));
                String details = page.byId("details-body").getText();
                assertTrue(details.contains("Score 3.2 of 5 (1 review)") && details.contains("Worked 67 % of the time (1 check-in)")
                        && details.contains("Status not monitored"), details);
                assertEquals("4 stars of 5", page.driver.findElement(By.cssSelector("#details-body .stars")).getAttribute("aria-label"));
                assertTrue(details.contains("Sign in to check in, review or report"), details); // anyone reads reviews
                assertEquals(List.of(), page.seriousAccessibilityViolations(), "axe-core, details with reviews (en)");
                page.screenshot("desktop-review-en");
                page.byId("lang").click(); // back to Italian

                providerEditsWithdrawsAndLeaves(page, city);
                businessPromotes(page);
            }
        }
    }

    /** The provider edits its point (a refused change first), withdraws it, fails to claim a module with a forged
     *  code, downloads its data and deletes its account (a wrong password and a wrong word first: nothing changes). */
    private static void providerEditsWithdrawsAndLeaves(MapBrowser page, JarProcess city) throws Exception {
        page.byId("account-open").click();
        signIn(page, "lucia@example.org", "corto ma non troppo");
        page.until("its point approved", d -> page.byId("my-listings").getText().contains("Bottega Verde Approvato"));
        page.driver.findElement(By.xpath("//ul[@id='my-listings']//button[.='Modifica']")).click();
        page.until("the same form, prefilled", d -> !d.findElements(By.cssSelector("#listing-edit [name=name]")).isEmpty());
        assertEquals("h3#listing-h Modifica «Bottega Verde»", page.active());
        assertEquals("Bottega Verde", field(page, "#listing-edit [name=name]").getAttribute("value"));
        assertEquals("2000", field(page, "#listing-edit [name=power_w]").getAttribute("value"));
        assertEquals("PER_HOUR", field(page, "#listing-edit [name=price_kind]").getAttribute("value"));
        assertEquals("0.50", field(page, "#listing-edit [name=amount]").getAttribute("value"));
        assertEquals("DOMESTIC_L", field(page, "#listing-edit [name=connector]").getAttribute("value"));
        assertEquals("Mo-Sa 09:00-19:00", field(page, "#listing-edit [name=opening_hours]").getAttribute("value"));
        assertTrue(field(page, "#listing-edit input[value=EBIKE]").isSelected());
        type(page, "#listing-edit [name=name]", "Bo");
        assertEquals("✕ Almeno 3 caratteri.", error(page, "#listing-edit [name=name]"));
        page.driver.findElement(By.cssSelector("#listing-edit button[type=submit]")).click();
        assertEquals("Correggi i campi segnati.", page.driver.findElement(By.cssSelector("#listing-edit .problem")).getText());
        assertTrue(page.byId("my-listings").getText().startsWith("Bottega Verde Approvato"), "refused: nothing changed");
        type(page, "#listing-edit [name=name]", "Bottega Verde e Blu");
        assertEquals(List.of(), page.seriousAccessibilityViolations(), "axe-core, editing a listing (it)");
        page.driver.findElement(By.cssSelector("#listing-edit button[type=submit]")).click();
        page.until("back in moderation", d -> page.byId("my-listings").getText().contains("Bottega Verde e Blu In moderazione"));
        assertTrue(page.byId("account-body").getText().contains("torna in moderazione"), page.byId("account-body").getText());
        assertTrue(page.listedNames().contains("Bottega Verde"), "the approved version stays public meanwhile");

        // withdrawn only once confirmed ("Annulla" first, and focused: the safe answer)
        page.driver.findElement(By.xpath("//ul[@id='my-listings']//button[.='Ritira…']")).click();
        page.until("asked to confirm", d -> page.byId("my-listings").getText().contains("Ritirare «Bottega Verde e Blu»? Sparisce dalla mappa"));
        assertEquals("button Annulla", page.active());
        page.driver.switchTo().activeElement().click();
        assertFalse(page.byId("my-listings").getText().contains("Ritirare"));
        assertTrue(page.byId("my-listings").getText().contains("Bottega Verde e Blu In moderazione"), "cancelled: nothing changed");
        page.driver.findElement(By.xpath("//ul[@id='my-listings']//button[.='Ritira…']")).click();
        page.driver.findElement(By.xpath("//ul[@id='my-listings']//button[.='Sì, ritira il punto']")).click();
        page.until("withdrawn", d -> page.byId("my-listings").getText().contains("Bottega Verde e Blu Ritirato"));
        page.until("gone from the map's list", d -> page.listedNames().equals(List.of("Caffè Brera")));

        // a module's claim code: checked while typing; a forged one refused by the server, no module claimed
        type(page, "#claim [name=code]", "7K3QD");
        assertEquals("✕ Il codice ha 25 lettere e cifre.", error(page, "#claim [name=code]"));
        type(page, "#claim [name=code]", "7k3qd-aaaaa-bbbbb-ccccc-ddddd");
        assertEquals("", error(page, "#claim [name=code]"));
        page.driver.findElement(By.cssSelector("#claim button[type=submit]")).click();
        String forged = page.until("the refusal", d -> { String p = d.findElement(By.cssSelector("#claim .problem")).getText(); return p.isEmpty() ? null : p; });
        assertEquals("Richiesta non valida: codice non valido, scaduto o già usato", forged);
        assertEquals("Nessun modulo rivendicato.", page.byId("my-claims").getText());

        // my data: the download has everything about the account
        Path downloads = Files.createTempDirectory("msg-downloads");
        page.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        page.byId("data-download").click();
        Path data = downloads.resolve("micro-smart-grid-data.json");
        page.until("the data downloaded", d -> Files.exists(data));
        String json = Files.readString(data);
        assertTrue(json.contains("lucia@example.org") && json.contains("Bottega Verde e Blu") && json.contains("WITHDRAWN"), json);

        // deleting the account: the typed word is checked while typing; a wrong password changes nothing
        type(page, "#delete-account [name=password]", "una password sbagliata");
        type(page, "#delete-account [name=word]", "CANCEL");
        assertEquals("✕ Scrivi CANCELLA per confermare.", error(page, "#delete-account [name=word]"));
        type(page, "#delete-account [name=word]", "cancella");
        assertEquals("", error(page, "#delete-account [name=word]"));
        assertEquals(List.of(), page.seriousAccessibilityViolations(), "axe-core, claim and my data (it)");
        page.driver.findElement(By.cssSelector("#delete-account button[type=submit]")).click();
        String wrong = page.until("refused", d -> { String p = d.findElement(By.cssSelector("#delete-account .problem")).getText(); return p.isEmpty() ? null : p; });
        assertEquals("Accesso negato: password errata", wrong);
        assertEquals("Il mio account", page.byId("account-open").getText(), "still signed in");
        type(page, "#delete-account [name=password]", "corto ma non troppo");
        page.driver.findElement(By.cssSelector("#delete-account button[type=submit]")).click();
        page.until("deleted", d -> page.byId("account-body").getText().contains("Account cancellato"));
        assertEquals("Accedi", page.byId("account-open").getText());
        assertEquals(401, PeopleIT.post(city, "/api/v1/account/login", "{\"email\": \"lucia@example.org\", "
                + "\"password\": \"corto ma non troppo\"}", null, null).statusCode(), "the account is gone");
    }

    /** The café (a business) puts a promotion on its point (refused dates first), everyone sees it, the café ends it. */
    private static void businessPromotes(MapBrowser page) throws Exception {
        signIn(page, SHOP, "caffe e ricariche");
        page.until("its point to promote", d -> !d.findElements(By.cssSelector("#promotion [name=point] option")).isEmpty());
        assertEquals("Caffè Brera", new Select(field(page, "#promotion [name=point]")).getFirstSelectedOption().getText());
        page.until("no promotion yet", d -> page.byId("my-promotions").getText().equals("Nessuna promozione."));
        type(page, "#promotion [name=text]", "Caffè a metà prezzo a chi ricarica");
        LocalDate today = LocalDate.now();
        setDate(page, "#promotion [name=from]", today.plusDays(5));
        setDate(page, "#promotion [name=until]", today.plusDays(2));
        assertEquals("✕ La fine viene prima dell'inizio.", error(page, "#promotion [name=until]"));
        page.driver.findElement(By.cssSelector("#promotion button[type=submit]")).click();
        assertEquals("Correggi i campi segnati.", page.driver.findElement(By.cssSelector("#promotion .problem")).getText());
        assertEquals("Nessuna promozione.", page.byId("my-promotions").getText(), "refused: nothing changed");
        setDate(page, "#promotion [name=from]", today);
        setDate(page, "#promotion [name=until]", today.plusDays(6));
        assertEquals("", error(page, "#promotion [name=until]"));
        assertEquals(List.of(), page.seriousAccessibilityViolations(), "axe-core, promotions (it)");
        page.driver.findElement(By.cssSelector("#promotion button[type=submit]")).click();
        page.until("published", d -> page.byId("my-promotions").getText().startsWith("Caffè a metà prezzo a chi ricarica Attiva"));
        assertTrue(page.byId("my-promotions").getText().contains("Caffè Brera · dal "), page.byId("my-promotions").getText());
        page.screenshot("desktop-promotions-it");
        page.byId("lang").click(); // the same screen in English
        page.until("in English", d -> page.byId("my-promotions").getText().startsWith("Caffè a metà prezzo a chi ricarica Active"));
        assertTrue(page.byId("account-body").getText().contains("Valid until (included)"), page.byId("account-body").getText());
        page.byId("lang").click();
        page.until("in Italian again", d -> page.byId("my-promotions").getText().startsWith("Caffè a metà prezzo a chi ricarica Attiva"));

        // everyone sees it with the point
        page.byId("account-close").click();
        page.openFirstInList();
        page.until("the promotion on the point", d -> page.byId("details-body").getText().contains("Caffè a metà prezzo a chi ricarica"));

        // ended (confirmed): no longer shown with the point
        page.byId("account-open").click();
        page.until("its promotion", d -> !d.findElements(By.xpath("//ul[@id='my-promotions']//button[.='Termina…']")).isEmpty());
        page.driver.findElement(By.xpath("//ul[@id='my-promotions']//button[.='Termina…']")).click();
        page.driver.findElement(By.xpath("//ul[@id='my-promotions']//button[.='Sì, termina ora']")).click();
        page.until("ended", d -> page.byId("my-promotions").getText().startsWith("Caffè a metà prezzo a chi ricarica Terminata"));
        page.byId("account-close").click();
        page.openFirstInList();
        page.until("the point's promotions asked", d -> !d.findElements(By.cssSelector("#details-body .promos[data-loaded]")).isEmpty());
        assertFalse(page.byId("details-body").getText().contains("Caffè a metà prezzo"), page.byId("details-body").getText());
    }

    /** A date input's value as the browser's date picker sets it (the picker's typing order depends on the locale). */
    private static void setDate(MapBrowser page, String css, LocalDate day) {
        page.driver.executeScript("const e = document.querySelector(arguments[0]); e.value = arguments[1];"
                + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));", css, day.toString());
    }

    private static String bearer(JarProcess city, String email, String password) throws Exception {
        var login = PeopleIT.post(city, "/api/v1/account/login", "{\"email\": \"" + email + "\", \"password\": \"" + password
                + "\", \"mode\": \"bearer\"}", null, null);
        assertEquals(200, login.statusCode(), login.body());
        return "Bearer " + PeopleIT.json(login).get("token").getAsString();
    }

    /** The link in the newest mail to this address (the demo's mail folder, read with Jakarta Mail). */
    private static String awaitLink(Path folder, String to, JarProcess city) throws Exception {
        java.time.Instant end = java.time.Instant.now().plus(CityWithModules.WAIT);
        while (java.time.Instant.now().isBefore(end)) {
            try (var files = Files.list(folder)) {
                for (Path f : files.filter(x -> x.toString().endsWith(".eml")).toList()) {
                    try (var in = Files.newInputStream(f)) {
                        var m = new jakarta.mail.internet.MimeMessage(null, in);
                        if (!m.getAllRecipients()[0].toString().equals(to)) continue;
                        var link = java.util.regex.Pattern.compile("(http\\S+#(?:reset|verify)=[A-Za-z0-9_-]+)").matcher((String) m.getContent());
                        if (link.find()) return link.group(1);
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + to + "\n" + city.logTail());
    }

    private static WebElement field(MapBrowser page, String css) {
        return page.driver.findElement(By.cssSelector(css));
    }

    /** Types into a field as a person does (replacing what is there), key by key. */
    private static void type(MapBrowser page, String css, String text) {
        WebElement f = field(page, css);
        f.clear();
        f.sendKeys(text);
    }

    /** What the page says is wrong with a field (its aria-describedby error), "" if nothing. */
    private static String error(MapBrowser page, String css) {
        WebElement f = field(page, css);
        return page.driver.findElement(By.id(f.getAttribute("id") + "-err")).getText();
    }

    private static void signIn(MapBrowser page, String email, String password) {
        page.until("the sign-in form", d -> !d.findElements(By.cssSelector("#signin [name=email]")).isEmpty());
        type(page, "#signin [name=email]", email);
        type(page, "#signin [name=password]", password);
        page.driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
        page.until("signed in", d -> page.byId("account-body").getText().contains("Hai effettuato l'accesso"));
    }
}
