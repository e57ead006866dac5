package org.microsmartgrid.city.people.account;

/**
 * Who is calling: the account, how it authenticated and, for the page's cookie session, the CSRF token every
 * unsafe request must repeat in {@code X-CSRF-Token}.
 */
public record Session(Account account, Kind kind, String csrfToken) {

    public enum Kind { COOKIE, BEARER }
}
