package org.microsmartgrid.city.people.web;

import org.microsmartgrid.city.people.auth.Callers;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.microsmartgrid.city.people.account.Accounts;
import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.city.people.account.Session;

/** {@link Callers} on people's accounts: the bearer token when a header is given (as people's servlet does), else the cookie. */
public final class SessionCallers implements Callers {

    private final Accounts accounts;

    public SessionCallers(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Set<String>> roles(String authorization, String sessionCookie) {
        Optional<Session> s;
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
            s = accounts.session(authorization.substring(7).strip(), Session.Kind.BEARER);
        } else if (sessionCookie != null && !sessionCookie.isBlank()) {
            s = accounts.session(sessionCookie, Session.Kind.COOKIE);
        } else {
            return Optional.empty();
        }
        return s.map(x -> x.account().roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet()));
    }
}
