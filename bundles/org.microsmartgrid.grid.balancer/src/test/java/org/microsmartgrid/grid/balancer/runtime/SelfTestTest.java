package org.microsmartgrid.grid.balancer.runtime;

import org.microsmartgrid.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.control.LoopSelfTest;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.grid.balancer.config.BalancerConfig;
import org.microsmartgrid.grid.balancer.config.ConfigValidator;
import org.microsmartgrid.grid.balancer.config.Configs;
import org.microsmartgrid.grid.balancer.fakes.FakeMeter;
import org.microsmartgrid.grid.balancer.fakes.FakeRelay;

/** The commissioning self-test: the loop's own rules tried on the live site, nothing switched. */
class SelfTestTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-04-08T10:00:00Z"));
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final List<Relay> relays = new CopyOnWriteArrayList<>();
    private final FakeMeter grid = new FakeMeter("grid", MeterRole.GRID, 0, clock);

    private BalancingLoop loop(Object... config) {
        meters.add(grid);
        for (int n = 1; n <= 3; n++) {
            meters.add(new FakeMeter("s" + n, MeterRole.SOCKET, n, clock));
            relays.add(new FakeRelay("r" + n, n, clock));
        }
        meters.forEach(m -> ((FakeMeter) m).power(m == grid ? 400 : 0));
        return new BalancingLoop(ConfigValidator.validate(BalancerConfig.PID, Configs.home(config)), clock,
                () -> meters, () -> relays);
    }

    @Test
    void everyRulePassesOnAWellConfiguredSiteAndNoRelayIsTouched() {
        List<LoopSelfTest.Check> checks = loop().dryRun();

        assertEquals(3, checks.size(), checks.toString());
        assertTrue(checks.stream().allMatch(LoopSelfTest.Check::passed), checks.toString());
        assertTrue(checks.get(0).detail().contains("socket"), "names what was shed: " + checks.get(0));
        for (Relay r : relays) assertTrue(((FakeRelay) r).commands().isEmpty(), "a dry run switches nothing");
    }

    @Test
    void aSiteWithTwoGridMetersWhereOneIsDeclaredFailsTheOverloadCheck() {
        BalancingLoop loop = loop();
        FakeMeter second = new FakeMeter("pv-as-grid", MeterRole.GRID, 0, clock);
        second.power(-300);
        meters.add(second);

        LoopSelfTest.Check overload = loop.dryRun().get(0);
        assertFalse(overload.passed(), "the loop cannot protect the limit with a wrong meter setup: " + overload);
    }
}
