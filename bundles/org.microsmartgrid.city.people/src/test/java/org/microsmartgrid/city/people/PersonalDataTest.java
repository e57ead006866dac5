package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.people.Client.json;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.OperatorType;
import org.microsmartgrid.city.registry.VehicleClass;

/** GDPR: a person downloads and deletes their data; anonymous statistics stay; logs hold no personal data. */
class PersonalDataTest {

    static final String EMAIL = "giulia.rossi@example.org";
    static final String PASSWORD = "la mia passphrase segreta";

    @Test
    void downloadThenDeleteKeepsOnlyAnonymousStatisticsAndLogsNothingPersonal() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8)); // slf4j-simple writes to System.err
        String tokenSeen;
        try (TestCity city = new TestCity()) {
            city.registry.putUnmonitored(new Location("gdpr-p", "Piscina", null, "Milano", 45.46, 9.19,
                    OperatorType.PUBLIC_BODY, false, Set.of(VehicleClass.EBIKE), Set.of(), null, true, null, 1L, null,
                    List.of(new Evse(1, EvseStatus.UNKNOWN, 1L, null, List.of(Connector.schuko())))));
            Client moderator = city.person("mod.gdpr@example.org", Role.MODERATOR);
            Client g = city.client();
            g.signUpAndVerify(EMAIL, PASSWORD, "Giulia R.");
            g.loginCookie(EMAIL, PASSWORD);
            tokenSeen = g.cookie;
            g.post("/api/v1/account/provider", null);
            String listing = g.post("/api/v1/listings", Listings.courtyard().toString()).json().get("id").getAsString();
            moderator.post("/api/v1/moderation/listings/" + listing + "/approve", null);
            g.post("/api/v1/points/gdpr-p/checkins", json("outcome", "CHARGED", "comment", "Abito al numero 5"));
            String review = g.post("/api/v1/points/gdpr-p/reviews", json("rating", 4, "comment", "Sono Giulia, vicina di casa"))
                    .json().get("id").getAsString();
            moderator.post("/api/v1/moderation/reviews/" + review + "/publish", null);
            g.post("/api/v1/points/gdpr-p/faults", json("kind", "DAMAGED", "description", "Chiamatemi al 333 1234567"));
            g.put("/api/v1/account/favourites/gdpr-p", null);

            var data = g.get("/api/v1/account/data");
            assertEquals(200, data.status());
            assertTrue(data.raw().headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
            var d = data.json();
            assertEquals(EMAIL, d.getAsJsonObject("account").get("email").getAsString());
            assertEquals(1, d.getAsJsonArray("listings").size());
            assertEquals(1, d.getAsJsonArray("checkins").size());
            assertEquals(1, d.getAsJsonArray("reviews").size());
            assertEquals(1, d.getAsJsonArray("faults").size());
            assertEquals("[\"gdpr-p\"]", d.get("favourites").toString());

            assertEquals(401, g.delete("/api/v1/account", json("password", "not my password")).status());
            assertTrue(city.people.accounts().byEmail(EMAIL).isPresent(), "a wrong password deletes nothing");
            assertEquals(204, g.delete("/api/v1/account", json("password", PASSWORD)).status());

            assertTrue(city.people.accounts().byEmail(EMAIL).isEmpty());
            assertEquals(401, city.client().loginCookie(EMAIL, PASSWORD).status());
            assertEquals(401, g.get("/api/v1/account/me").status(), "the session went with the account");
            assertFalse(city.registry.location(listing).orElseThrow().located(), "the listed socket is off the map");
            var rep = city.client().get("/api/v1/points/gdpr-p/reputation").json();
            assertEquals(1, rep.get("ratings").getAsInt(), "the rating stays, anonymous");
            assertEquals(1, rep.get("checkins").getAsInt(), "the check-in stays, anonymous");
            for (String table : List.of("account", "listing", "checkin", "review", "fault_report", "favourite", "web_session"))
                for (String leak : List.of(EMAIL, "Giulia", "numero 5", "333 1234567", "Via Larga", "45.461", "9.192"))
                    assertEquals(0, city.db.list("SELECT * FROM " + table, rs -> {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) row.append(rs.getString(i)).append('|');
                        return row.toString();
                    }).stream().filter(row -> row.contains(leak)).count(), leak + " left in " + table);
        } finally {
            System.setErr(err);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("deleted by its owner"), "the log tells what happened, by account id");
        for (String secret : List.of(EMAIL, PASSWORD, "Giulia", tokenSeen, "127.0.0.1"))
            assertFalse(logs.contains(secret), "personal data in the log: " + secret);
    }
}
