package org.microsmartgrid.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Plain sockets listed by citizens, through the city's people API as the map page does it (docs/people.md): the
 * first moderator (from the staff list) chooses a password from the mailed code; a citizen signs up, confirms the
 * address from the mail, becomes a provider and lists sockets; the moderator approves them and they are on the map,
 * not monitored. Every password is generated; none is a default.
 */
final class PeopleDemo {
    static final Duration MAIL_WAIT = Duration.ofSeconds(60);

    /** An account of the demo and its generated password. */
    record Account(String email, String password) {
    }

    private final CityClient city;
    private final Mailbox mail;

    PeopleDemo(CityClient city, Mailbox mail) {
        this.city = city;
        this.mail = mail;
    }

    /** The moderator sets the password it was invited to choose, and signs in: returns the bearer token. */
    String moderator(Account moderator) throws IOException, InterruptedException {
        JsonObject reset = new JsonObject();
        reset.addProperty("token", mail.awaitCode(moderator.email(), MAIL_WAIT));
        reset.addProperty("password", moderator.password());
        expect(city.post("/api/v1/account/password-reset/confirm", reset, null), 200, "moderator's password");
        return login(moderator);
    }

    /** A citizen signs up, becomes a provider: returns the bearer token. */
    String provider(Account citizen, String displayName) throws IOException, InterruptedException {
        JsonObject signup = new JsonObject();
        signup.addProperty("email", citizen.email());
        signup.addProperty("password", citizen.password());
        signup.addProperty("display_name", displayName);
        expect(city.post("/api/v1/account/signup", signup, null), 202, "sign-up");
        JsonObject verify = new JsonObject();
        verify.addProperty("token", mail.awaitCode(citizen.email(), MAIL_WAIT));
        expect(city.post("/api/v1/account/verify", verify, null), 200, "address confirmation");
        String token = login(citizen);
        expect(city.post("/api/v1/account/provider", null, token), 200, "becoming a provider");
        return token;
    }

    /** Lists the demo's sockets as the provider, approves them as the moderator: returns their names. */
    List<String> listAndApprove(String provider, String moderator) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (String listing : LISTINGS) {
            JsonObject body = JsonParser.parseString(listing).getAsJsonObject();
            CityClient.Answer created = expect(city.post("/api/v1/listings", body, provider), 201, "listing");
            String id = created.object().get("id").getAsString();
            expect(city.post("/api/v1/moderation/listings/" + id + "/approve", null, moderator), 200, "approval");
            names.add(body.get("name").getAsString());
        }
        return names;
    }

    private String login(Account a) throws IOException, InterruptedException {
        JsonObject login = new JsonObject();
        login.addProperty("email", a.email());
        login.addProperty("password", a.password());
        login.addProperty("mode", "bearer");
        return expect(city.post("/api/v1/account/login", login, null), 200, "login of " + a.email())
                .object().get("token").getAsString();
    }

    private static CityClient.Answer expect(CityClient.Answer a, int status, String what) throws IOException {
        if (a.status() != status)
            throw new IOException(what + ": the city answered " + a.status() + " " + a.body());
        return a;
    }

    /** Three plain sockets in Municipio 1: a courtyard, a bookshop, a condominium (docs/people.md, "A listing"). */
    private static final List<String> LISTINGS = List.of("""
            {"name": "Cortile di via Larga", "address": "Via Larga 12", "city": "Milano",
             "latitude": 45.4612, "longitude": 9.1923, "operator_type": "PRIVATE_INDIVIDUAL",
             "location_precision": "STREET", "vehicle_classes": ["EBIKE", "SCOOTER"],
             "opening_hours": "Mo-Fr 08:00-20:00", "price": {"kind": "FREE"},
             "description": "Suonare al citofono 3 / ring bell 3", "sockets": [{"connector": "DOMESTIC_F", "power_w": 2300}]}
            """, """
            {"name": "Libreria di Brera", "address": "Via Fiori Chiari 8", "city": "Milano",
             "latitude": 45.4718, "longitude": 9.1867, "operator_type": "BUSINESS",
             "vehicle_classes": ["EBIKE", "MOBILITY_AID"], "opening_hours": "Mo-Sa 10:00-19:30",
             "price": {"kind": "PER_HOUR", "amount_cents": 50},
             "sockets": [{"connector": "DOMESTIC_L", "power_w": 2000}, {"connector": "DOMESTIC_F", "power_w": 2300}]}
            """, """
            {"name": "Condominio di corso di Porta Romana", "address": "Corso di Porta Romana 61", "city": "Milano",
             "latitude": 45.4565, "longitude": 9.1962, "operator_type": "CONDOMINIUM",
             "vehicle_classes": ["EBIKE", "SCOOTER", "MOPED"], "price": {"kind": "PER_KWH", "amount_cents": 30},
             "sockets": [{"connector": "DOMESTIC_F", "power_w": 3000}]}
            """);

}
