package org.microsmartgrid.console.relays;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outcome of an installer's last command, kept for the page shown after the redirect (post, redirect, get).
 * Kept here, by installer, rather than in the redirect's URL, so that a crafted link cannot put words on the page.
 */
final class RecentResults {
    static final Duration KEEP = Duration.ofMinutes(2);

    record Result(String html, Instant at) {
    }

    private final Map<String, Result> byUser = new ConcurrentHashMap<>();

    void put(String user, String html, Instant now) {
        byUser.put(user, new Result(html, now));
    }

    /** The user's result, once, if it is recent. */
    Optional<String> take(String user, Instant now) {
        Result r = byUser.remove(user);
        if (r == null || now.isAfter(r.at().plus(KEEP))) return Optional.empty();
        return Optional.of(r.html());
    }
}
