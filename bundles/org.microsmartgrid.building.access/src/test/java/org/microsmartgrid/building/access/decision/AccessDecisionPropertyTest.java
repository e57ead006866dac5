package org.microsmartgrid.building.access.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.microsmartgrid.api.building.DoorAccess.CodeKind;

class AccessDecisionPropertyTest {
    static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    static CodeRecord code(int fromMin, int lengthMin) {
        return new CodeRecord("id", "portone", CodeKind.COURIER, T0.plus(Duration.ofMinutes(fromMin)),
                T0.plus(Duration.ofMinutes(fromMin + lengthMin)), "salt", "hash", null, "m", T0);
    }

    @Property
    void grantedExactlyWhenAnUnusedUnrevokedCodeIsInItsWindowAndNothingBlocks(
            @ForAll boolean wellFormed, @ForAll boolean matched, @ForAll boolean used, @ForAll boolean revoked,
            @ForAll @IntRange(min = -600, max = 600) int fromMin, @ForAll @IntRange(min = 1, max = 720) int lengthMin,
            @ForAll @IntRange(min = -1, max = 120) int doorBlockedMin,
            @ForAll @IntRange(min = -1, max = 120) int globalBlockedMin) {
        Instant now = T0;
        Throttle.State door = new Throttle.State(0, null, T0.plus(Duration.ofMinutes(doorBlockedMin)), 1);
        Throttle.State global = new Throttle.State(0, null, T0.plus(Duration.ofMinutes(globalBlockedMin)), 1);
        CodeRecord c = code(fromMin, lengthMin);
        AccessDecision d = AccessDecision.precheck(wellFormed, door, global, now)
                .orElseGet(() -> AccessDecision.decide(matched ? Optional.of(c) : Optional.empty(), used, revoked, now));

        boolean blocked = doorBlockedMin > 0 || globalBlockedMin > 0;
        boolean inWindow = fromMin <= 0 && fromMin + lengthMin > 0;
        assertEquals(!blocked && wellFormed && matched && !used && !revoked && inWindow, d.granted(), d.toString());
        if (!blocked && wellFormed && matched && revoked)
            assertEquals(Outcome.REFUSED, d.outcome(), "a revoked code reads as no code, whatever its window");
        if (blocked) assertEquals(Outcome.THROTTLED, d.outcome(), "a blocked door checks nothing");
        if (!blocked && !wellFormed) assertEquals(Outcome.MALFORMED, d.outcome());
    }

    @Property
    void backOffNeverShrinksAndNeverExceedsTheMaximum(@ForAll @IntRange(min = 1, max = 10) int max,
                                                      @ForAll @IntRange(min = 1, max = 60) int wrong) {
        Throttle.Rules r = new Throttle.Rules(max, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1));
        Throttle.State s = Throttle.State.CLEAR;
        Instant now = T0;
        Duration previous = Duration.ZERO;
        for (int i = 0; i < wrong; i++) {
            Throttle.State next = Throttle.failure(s, r, now);
            if (next.blockedUntil() != null && !next.blockedUntil().equals(s.blockedUntil())) {
                Duration b = Duration.between(now, next.blockedUntil());
                assert b.compareTo(previous) >= 0 : "shrank: " + b + " after " + previous;
                assert b.compareTo(r.maxBackoff()) <= 0 : "above max: " + b;
                previous = b;
            }
            s = next;
            now = now.plusSeconds(1);
        }
        assertEquals(wrong >= max, s.lockouts() > 0, "a lockout after max wrong codes in a row");
    }
}
