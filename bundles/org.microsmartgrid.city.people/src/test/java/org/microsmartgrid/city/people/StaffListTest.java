package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.people.Client.json;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.people.account.Role;

/** The first staff come from the configuration: no default password, and nobody can pre-empt their address. */
class StaffListTest {

    @Test
    void aStaffAccountHasNoPasswordUntilTheMailboxOwnerChoosesOne() throws Exception {
        try (TestCity city = new TestCity()) {
            PeopleService.staff(city.people.accounts(), "OPERATOR:ops@example.org");
            PeopleService.staff(city.people.accounts(), "nonsense");
            PeopleService.staff(city.people.accounts(), "CITIZEN:x@example.org");
            var a = city.people.accounts().byEmail("ops@example.org").orElseThrow();
            assertTrue(a.has(Role.OPERATOR));
            assertTrue(city.people.accounts().byEmail("x@example.org").isEmpty());
            Client c = city.client();
            assertEquals(401, c.loginBearer_status("ops@example.org", ""), "no password works");
            assertEquals(200, c.post("/api/v1/account/password-reset/confirm",
                    json("token", city.lastCode("ops@example.org"), "password", "operatore del comune")).status());
            c.loginBearer("ops@example.org", "operatore del comune");
            assertEquals(200, c.get("/api/v1/statistics").status());
        }
    }

    @Test
    void whoSignedUpFirstWithAStaffAddressDoesNotGetTheRole() throws Exception {
        try (TestCity city = new TestCity()) {
            Client squatter = city.client();
            assertEquals(202, squatter.post("/api/v1/account/signup", json("email", "mod@example.org",
                    "password", "password of the squatter", "display_name", "Squatter")).status());
            PeopleService.staff(city.people.accounts(), "MODERATOR:mod@example.org");
            String reset = city.lastCode("mod@example.org"); // the newest mail: choose your password
            Client owner = city.client();
            assertEquals(200, owner.post("/api/v1/account/password-reset/confirm",
                    json("token", reset, "password", "the real moderator")).status());
            assertEquals(401, squatter.loginBearer_status("mod@example.org", "password of the squatter"));
            owner.loginBearer("mod@example.org", "the real moderator");
            assertEquals(200, owner.get("/api/v1/moderation/queue").status());
        }
    }
}
