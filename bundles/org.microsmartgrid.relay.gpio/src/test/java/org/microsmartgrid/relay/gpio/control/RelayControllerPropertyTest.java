package org.microsmartgrid.relay.gpio.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.relay.gpio.testing.MockChip;

/**
 * For any sequence of commands and clock advances: the output never changes twice within the minimum on/off time
 * unless the second change is a safety OFF (a safety command or an expired lease), and once the last applied ON's
 * lease has run out the relay is OFF.
 */
class RelayControllerPropertyTest {
    private static final Duration MIN_ON = Duration.ofSeconds(20);
    private static final Duration MIN_OFF = Duration.ofSeconds(10);

    sealed interface Step permits On, Off, SafetyOff, Advance {}

    record On(Duration lease) implements Step {}

    record Off() implements Step {}

    record SafetyOff() implements Step {}

    record Advance(Duration by) implements Step {}

    @Provide
    Arbitrary<Step> steps() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 40).map(s -> (Step) new On(Duration.ofSeconds(s))),
                Arbitraries.just(new Off()),
                Arbitraries.just(new SafetyOff()),
                Arbitraries.integers().between(0, 30_000).map(ms -> (Step) new Advance(Duration.ofMillis(ms))),
                Arbitraries.integers().between(0, 30_000).map(ms -> (Step) new Advance(Duration.ofMillis(ms))));
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        return steps().list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void noChatterAndExpiredLeasesLeaveTheRelayOff(@ForAll("sequences") List<Step> steps) {
        try (MockChip chip = new MockChip()) {
            RelayController relay = chip.relay(MockChip.withTiming(MockChip.settings(), MIN_ON, MIN_OFF));
            boolean on = false;
            Instant lastChange = chip.clock.instant(); // activation is a switch to OFF
            Instant leaseEnd = null;                   // of the last applied ON, as the caller knows it

            for (Step step : steps) {
                boolean safety = false;
                Instant leaseBefore = leaseEnd;
                if (step instanceof On o) {
                    RelayResult r = relay.command(RelayCommand.on("test", o.lease()));
                    if (r.applied()) leaseEnd = chip.clock.instant().plus(o.lease());
                } else if (step instanceof Off) {
                    if (relay.command(RelayCommand.off("test")).applied()) leaseEnd = null;
                } else if (step instanceof SafetyOff) {
                    assertTrue(relay.command(RelayCommand.safetyOff("test")).applied(), "a safety OFF is never refused");
                    leaseEnd = null;
                    safety = true;
                } else if (step instanceof Advance a) {
                    chip.clock.advance(a.by());
                    relay.tick();
                }
                Instant now = chip.clock.instant();
                boolean expired = leaseBefore != null && !now.isBefore(leaseBefore);
                boolean nowOn = relay.state().outputOn();
                if (nowOn != on) {
                    Duration held = Duration.between(lastChange, now);
                    if (nowOn) {
                        assertFalse(held.compareTo(MIN_OFF) < 0, "ON after only " + held + " OFF");
                    } else if (!safety && !expired) {
                        assertFalse(held.compareTo(MIN_ON) < 0, "normal OFF after only " + held + " ON");
                    }
                    on = nowOn;
                    lastChange = now;
                }
                boolean leaseOver = leaseEnd == null || !now.isBefore(leaseEnd);
                if (leaseOver) assertFalse(nowOn, "lease ran out at " + leaseEnd + ", now " + now + ", still ON");
            }
        }
    }
}
