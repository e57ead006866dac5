package org.microsmartgrid.city.people.auth;

import java.util.Optional;
import java.util.Set;

/**
 * Who calls, for other bundles' read-only endpoints that serve a role (the statistics for MUNICIPALITY): the same
 * accounts, sessions and tokens as people's own API (docs/people.md). Reads only: an unsafe request also needs the
 * CSRF and Origin checks of people's servlet, which this does not do.
 */
public interface Callers {

    /** The page's session cookie. */
    String SESSION_COOKIE = "__Host-msg_session";

    /**
     * @param authorization the request's {@code Authorization} header, or null
     * @param sessionCookie the value of the {@link #SESSION_COOKIE} cookie, or null
     * @return the role names (docs/people.md: CITIZEN, …, MUNICIPALITY, OPERATOR) of the account behind a valid bearer
     *         token (when the header is present) or session cookie; empty when neither identifies one
     */
    Optional<Set<String>> roles(String authorization, String sessionCookie);
}
