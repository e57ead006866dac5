package org.microsmartgrid.building.access.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.building.DoorAccess.CodeKind;

class IssueRulesTest {
    final Instant now = Instant.parse("2026-12-07T09:00:00Z");
    final Set<String> doors = Set.of("portone");
    final Duration courier = Duration.ofHours(12);
    final Duration intervention = Duration.ofHours(168);

    String check(CodeKind kind, long hours, String reason) {
        return IssueRules.check(doors, "portone", kind, now, now.plus(Duration.ofHours(hours)), reason, courier,
                intervention, now);
    }

    @Test
    void windowsAreBoundedByKind() {
        assertNull(check(CodeKind.COURIER, 12, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> check(CodeKind.COURIER, 13,
                null));
        assertTrue(e.getMessage().contains("12 h"), e.getMessage());
        assertEquals("Carer visit", check(CodeKind.INTERVENTION, 100, "  Carer visit "));
    }

    @Test
    void reasonsAreReadable() {
        assertThrows(IllegalArgumentException.class, () -> check(CodeKind.INTERVENTION, 1, null));
        assertThrows(IllegalArgumentException.class, () -> check(CodeKind.INTERVENTION, 1, "ok"));
        assertThrows(IllegalArgumentException.class, () -> check(CodeKind.INTERVENTION, 1, "Carer\nvisit"));
        assertThrows(IllegalArgumentException.class, () -> check(CodeKind.INTERVENTION, 1, "x".repeat(201)));
    }

    @Test
    void aWindowMustEndInTheFuture() {
        assertThrows(IllegalArgumentException.class, () -> IssueRules.check(doors, "portone", CodeKind.COURIER,
                now.minus(Duration.ofHours(2)), now, null, courier, intervention, now));
    }
}
