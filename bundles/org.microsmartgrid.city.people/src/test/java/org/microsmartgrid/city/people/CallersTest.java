package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.city.people.auth.Callers;
import org.microsmartgrid.city.people.web.SessionCallers;

/** Other bundles (the statistics) learn the caller's roles from the same tokens and sessions. */
class CallersTest {

    @Test
    void aMunicipalityTokenGivesItsRolesAndAnythingElseGivesNone() throws Exception {
        try (TestCity city = new TestCity()) {
            Callers callers = new SessionCallers(city.people.accounts());
            Client comune = city.person("statistiche@comune.example.org", Role.MUNICIPALITY);
            Client citizen = city.person("cittadino@example.org");

            assertEquals(Optional.of(Set.of("CITIZEN", "MUNICIPALITY")), callers.roles("Bearer " + comune.bearer, null));
            assertEquals(Optional.of(Set.of("CITIZEN")), callers.roles("bearer " + citizen.bearer, null));
            assertTrue(callers.roles("Bearer not-a-token", null).isEmpty());
            assertTrue(callers.roles("Basic " + comune.bearer, null).isEmpty(), "only bearer tokens");
            assertTrue(callers.roles(null, comune.bearer).isEmpty(), "a bearer token is not a session cookie");
            assertTrue(callers.roles(null, null).isEmpty());

            comune.post("/api/v1/account/logout", "{}");
            assertTrue(callers.roles("Bearer " + comune.bearer, null).isEmpty(), "a token that was logged out");
        }
    }
}
