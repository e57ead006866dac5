package org.microsmartgrid.building.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.microsmartgrid.api.building.DoorAccess.AccessResult;
import org.microsmartgrid.api.building.DoorAccess.CodeKind;
import org.microsmartgrid.api.building.DoorAccess.IssuedCode;
import org.microsmartgrid.building.access.store.CodeHasher;

/**
 * Whatever sequence of codes, doors, guesses, revocations and waits: a code opens at most once, only its own door,
 * only inside its window, never once revoked, and a restart in between changes none of that.
 */
class AccessServicePropertyTest {

    /** Try issued code {@code code} (or a random guess when negative) at {@code door} after waiting {@code waitMin}. */
    record Step(int code, String door, int waitMin, boolean restart, boolean revoke) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(-1, 3),
                Arbitraries.of("portone", "locker-1"), Arbitraries.integers().between(0, 90),
                Arbitraries.integers().between(0, 9).map(i -> i == 0),
                Arbitraries.integers().between(0, 7).map(i -> i == 0))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 40)
    void aCodeOpensOnlyItsDoorOnlyOnceOnlyInItsWindowNeverOnceRevoked(@ForAll("steps") List<Step> steps) throws IOException {
        Path dir = Files.createTempDirectory("access-prop");
        TestBuilding b = new TestBuilding();
        AccessService access = start(b, dir);
        Instant t0 = b.clock.instant();
        List<IssuedCode> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) // windows of 30 min starting at 0, 20, 40, 60 min
            codes.add(access.issue(i % 2 == 0 ? "portone" : "locker-1", CodeKind.COURIER,
                    t0.plus(Duration.ofMinutes(20L * i)), t0.plus(Duration.ofMinutes(20L * i + 30)), null, "p"));
        Map<String, Integer> grants = new HashMap<>();
        java.util.Set<String> revoked = new java.util.HashSet<>();
        for (Step s : steps) {
            b.clock.advance(Duration.ofMinutes(s.waitMin() % 7)); // small steps: most attempts fall in some window
            if (s.restart()) {
                access.deactivate();
                access = start(b, dir);
            }
            if (s.revoke() && s.code() >= 0) {
                IssuedCode c = codes.get(s.code());
                boolean live = !grants.containsKey(c.id()) && !revoked.contains(c.id())
                        && b.clock.instant().isBefore(c.until());
                assertEquals(live, access.revoke(c.id(), "coap:bms-1"), "only a live code can be revoked");
                if (live) revoked.add(c.id());
            }
            String code = s.code() < 0 ? CodeHasher.newCode() : codes.get(s.code()).code();
            AccessResult r = access.redeem(s.door(), code, "keypad");
            if (!r.granted()) continue;
            IssuedCode c = codes.stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow(
                    () -> new AssertionError("a guess opened a door"));
            assertEquals(c.door(), s.door(), "opened another door");
            Instant now = b.clock.instant();
            assertTrue(!now.isBefore(c.from()) && now.isBefore(c.until()), "opened outside its window");
            assertEquals(1, grants.merge(c.id(), 1, Integer::sum), "opened twice");
            assertTrue(!revoked.contains(c.id()), "a revoked code opened");
        }
        access.deactivate();
    }

    private static AccessService start(TestBuilding b, Path dir) {
        AccessService s = new AccessService(b.hub, b.clock, new CodeHasher(100));
        s.activate(null, TestBuilding.config(dir.resolve("journal.jsonl")));
        return s;
    }
}
