package org.microsmartgrid.building.access.decision;

import java.time.Instant;
import java.util.Optional;

/**
 * The decision at a door, pure: from the code's format, the throttles, and the code that matched (if any) with
 * whether it was used, to an outcome. Everything else (hashing, journal, strike) is around it in AccessService.
 *
 * <p>The order is the security argument: a throttled door checks nothing (so no hash comparison can be timed or
 * guessed against while blocked), a malformed entry cannot match, and only an unused code inside its window opens.
 *
 * @param code the matching code, when one was recognised (REFUSED, MALFORMED and THROTTLED have none)
 */
public record AccessDecision(Outcome outcome, CodeRecord code) {

    /** Decided before any code is looked at: empty means "look the code up, then call {@link #decide}". */
    public static Optional<AccessDecision> precheck(boolean wellFormed, Throttle.State door, Throttle.State global,
                                                    Instant now) {
        if (Throttle.blocked(door, now) || Throttle.blocked(global, now))
            return Optional.of(new AccessDecision(Outcome.THROTTLED, null));
        if (!wellFormed) return Optional.of(new AccessDecision(Outcome.MALFORMED, null));
        return Optional.empty();
    }

    /**
     * @param match   the door's code whose hash matched, or empty
     * @param used    whether that code was already granted once
     * @param revoked whether that code was revoked: REFUSED as if never issued (the person at the door learns
     *                nothing), with the code recognised for the journal
     */
    public static AccessDecision decide(Optional<CodeRecord> match, boolean used, boolean revoked, Instant now) {
        if (match.isEmpty()) return new AccessDecision(Outcome.REFUSED, null);
        CodeRecord c = match.get();
        if (revoked) return new AccessDecision(Outcome.REFUSED, c);
        if (used) return new AccessDecision(Outcome.REUSED, c);
        if (now.isBefore(c.from())) return new AccessDecision(Outcome.NOT_YET_VALID, c);
        if (!c.inWindow(now)) return new AccessDecision(Outcome.EXPIRED, c);
        return new AccessDecision(Outcome.GRANTED, c);
    }

    public boolean granted() {
        return outcome == Outcome.GRANTED;
    }
}
