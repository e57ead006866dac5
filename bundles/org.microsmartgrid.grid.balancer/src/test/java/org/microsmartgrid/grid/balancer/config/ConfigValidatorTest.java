package org.microsmartgrid.grid.balancer.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.microsmartgrid.api.control.PriorityClass;
import org.microsmartgrid.api.control.SessionMode;
import org.microsmartgrid.api.tariff.TariffBand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigValidatorTest {

    private static final String PID = BalancerConfig.PID;

    private static ConfigException refused(BalancerConfig c) {
        return assertThrows(ConfigException.class, () -> ConfigValidator.validate(PID, c));
    }

    private static void assertRefusedNaming(BalancerConfig c, String property) {
        ConfigException e = refused(c);
        assertTrue(e.getMessage().startsWith(PID + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(property), e.getMessage());
    }

    @Test
    void defaultsGiveA3kWHomeWithA3200WLimit() {
        SiteConfig site = ConfigValidator.validate(PID, Configs.home());
        assertEquals(3200, site.settings().limitW(), 1e-9);
        assertEquals(Duration.ofMillis(250), site.cycle());
        assertEquals(Duration.ofSeconds(1), site.lease());
        assertEquals(Duration.ofMillis(700), site.settings().staleGrid(), "safe state within 700 + 250 ms < 1 s");
        assertEquals(Duration.ofMinutes(15), site.settings().rotationPeriod());
        assertEquals(Set.of(TariffBand.F3), site.cheapBands());
        assertEquals(PriorityClass.PUBLIC, site.socket(7).priority(), "an unlisted socket is public");
        assertEquals(SessionMode.NOW, site.socket(7).mode().mode());
        assertEquals(3680, site.socket(7).ratingW(), 0);
    }

    /** The example of docs/balancing.md, as FileInstall hands it over (typed values). */
    @Test
    void theDocumentedExampleIsAccepted() {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("contract.power.w", 4500);
        p.put("contract.nondomestic", false);
        p.put("margin.percent", 10.0);
        p.put("reserve.w", 100);
        p.put("export.limit.w", 0);
        p.put("cycle.ms", 250);
        p.put("stale.grid.ms", 1000);
        p.put("rotation.period.s", 900);
        p.put("hysteresis.w", 100);
        p.put("min.on.s", 60);
        p.put("min.off.s", 60);
        p.put("idle.w", 10.0);
        p.put("cheap.bands", new String[] {"F2", "F3"});
        p.put("socket.priorities", new String[] {"1=SHARED_FLEET", "2=PUBLIC", "3=MOBILITY_AID", "4=PRIVATE"});
        p.put("socket.modes", new String[] {"1=SOLAR_ONLY", "2=NOW", "3=NOW", "4=SOLAR_AND_CHEAP,8000,07:30"});
        p.put("socket.rating.w", new String[] {"1=1000", "2=1000", "3=500", "4=2300"});
        p.put("battery.min.soc.percent", 20);
        p.put("battery.max.soc.percent", 95);
        p.put("battery.max.charge.w", 2500);
        p.put("battery.max.discharge.w", 2500);
        SiteConfig site = ConfigValidator.validate(PID, Configs.of(p));
        assertEquals(4850, site.settings().limitW(), 0);
        assertEquals(PriorityClass.MOBILITY_AID, site.socket(3).priority());
        assertEquals(new DefaultMode(SessionMode.SOLAR_AND_CHEAP, 8000, LocalTime.of(7, 30)), site.socket(4).mode());
        assertEquals(4, site.sockets().size());
    }

    @Test
    void theContractPowerIsRequired() {
        assertRefusedNaming(Configs.of(Map.of()), "contract.power.w is required");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 3000, 4500, 6000, 7000, 10000, 15000, 30000})
    void everyAreraStepIsAccepted(int watts) {
        ConfigValidator.validate(PID, Configs.home("contract.power.w", watts));
    }

    @ParameterizedTest
    @ValueSource(ints = {3100, 6500, 11000, 40000})
    void otherPowersNeedTheNonDomesticFlag(int watts) {
        assertRefusedNaming(Configs.home("contract.power.w", watts), "contract.nondomestic");
        SiteConfig site = ConfigValidator.validate(PID, Configs.home("contract.power.w", watts, "contract.nondomestic", true));
        assertEquals(watts, site.settings().contractPowerW(), 0);
    }

    @Test
    void theMainFuseWidensTheGridBoundAndCannotBeBelowTheContract() {
        assertEquals(0, ConfigValidator.validate(PID, Configs.home()).settings().supplyFuseW(), 0, "not known by default");
        SiteConfig site = ConfigValidator.validate(PID, Configs.home("supply.fuse.w", 7360));
        assertEquals(7360, site.settings().supplyFuseW(), 0);
        assertRefusedNaming(Configs.home("supply.fuse.w", 2000), "supply.fuse.w = 2000");
        assertRefusedNaming(Configs.home("supply.fuse.w", -1), "supply.fuse.w");
    }

    @Test
    void socketListsAreParsed() {
        SiteConfig site = ConfigValidator.validate(PID, Configs.home(
                "socket.priorities", new String[] {"1=MOBILITY_AID", "2=PRIVATE", ""},
                "socket.modes", new String[] {"1=NOW", "2=SOLAR_ONLY", "3=SOLAR_AND_CHEAP,6000,07:30", "4=NONE"},
                "socket.rating.w", new String[] {"1=250", "3=2300"},
                "cheap.bands", new String[] {"F2", "F3"}));
        assertEquals(PriorityClass.MOBILITY_AID, site.socket(1).priority());
        assertEquals(250, site.socket(1).ratingW(), 0);
        assertEquals(SessionMode.SOLAR_ONLY, site.socket(2).mode().mode());
        assertEquals(new DefaultMode(SessionMode.SOLAR_AND_CHEAP, 6000, LocalTime.of(7, 30)), site.socket(3).mode());
        assertEquals(PriorityClass.PUBLIC, site.socket(3).priority());
        assertEquals(SessionMode.NONE, site.socket(4).mode().mode());
        assertEquals(Set.of(TariffBand.F2, TariffBand.F3), site.cheapBands());
    }

    @Test
    void badEntriesAreAllReportedEachNamingItsProperty() {
        ConfigException e = refused(Configs.home(
                "socket.priorities", new String[] {"1=VIP", "2=PUBLIC", "2=PRIVATE", "x=PUBLIC", "99=PUBLIC"},
                "socket.modes", new String[] {"1=SOLAR_AND_CHEAP", "2=TURBO", "3=NOW,100"},
                "socket.rating.w", new String[] {"1=-5", "2=lots"},
                "cheap.bands", new String[] {"F4"}));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("socket.priorities: '1=VIP'"), all);
        assertTrue(all.contains("socket.priorities: socket 2 is listed twice"), all);
        assertTrue(all.contains("socket.priorities: 'x=PUBLIC' does not start with a socket number"), all);
        assertTrue(all.contains("socket.priorities: socket 99 is out of range"), all);
        assertTrue(all.contains("socket.modes: '1=SOLAR_AND_CHEAP': SOLAR_AND_CHEAP needs a target and a deadline"), all);
        assertTrue(all.contains("socket.modes: '2=TURBO'"), all);
        assertTrue(all.contains("socket.modes: '3=NOW,100': NOW takes no target"), all);
        assertTrue(all.contains("socket.rating.w: '1=-5'"), all);
        assertTrue(all.contains("socket.rating.w: '2=lots'"), all);
        assertTrue(all.contains("cheap.bands: 'F4'"), all);
        assertEquals(10, e.problems().size(), all);
    }

    @Test
    void rangesAndConsistencyAreChecked() {
        assertRefusedNaming(Configs.home("margin.percent", 15.0), "margin.percent");
        assertRefusedNaming(Configs.home("reserve.w", 5000), "reserve.w");
        assertRefusedNaming(Configs.home("cycle.ms", 10), "cycle.ms");
        assertRefusedNaming(Configs.home("cycle.ms", 2000), "stale.grid.ms");
        assertRefusedNaming(Configs.home("rotation.period.s", 30), "rotation.period.s");
        assertRefusedNaming(Configs.home("battery.min.soc.percent", 96), "battery.min.soc.percent");
        assertRefusedNaming(Configs.home("export.limit.w", -1), "export.limit.w");
        assertRefusedNaming(Configs.home("socket.modes", new String[] {"1=SOLAR_AND_CHEAP,6000,7h"}), "HH:mm");
    }

    @Test
    void aDoubleTypedWithoutDecimalPointIsRefusedWithWhatWasMeant() {
        // margin.percent=D"10" in a .config file: FileInstall reads the raw bits of 10, i.e. 4.9E-323
        ConfigException e = refused(Configs.home("margin.percent", Double.longBitsToDouble(10)));
        assertTrue(e.getMessage().contains("did you mean margin.percent=D\"10.0\"?"), e.getMessage());
        assertRefusedNaming(Configs.home("idle.w", Double.longBitsToDouble(5)), "idle.w");
    }

    @Test
    void theNumberOfGridMetersIsBetweenOneAndFour() {
        assertRefusedNaming(Configs.home("hysteresis.w", 5), "hysteresis.w"); // below meter noise: chatter
        assertRefusedNaming(Configs.home("grid.meters", 0), "grid.meters");
        assertRefusedNaming(Configs.home("grid.meters", 5), "grid.meters");
        assertEquals(2, ConfigValidator.validate(PID, Configs.home("grid.meters", 2)).gridMeters());
    }

    @Test
    void tradingRulesAreReadAndBadOnesRefused() {
        SiteConfig site = ConfigValidator.validate(PID, Configs.home("battery.trading", true,
                "battery.sell.above.eur.mwh", 180.0, "battery.buy.below.eur.mwh", 60.0,
                "battery.reserve.soc.percent", 50));
        assertTrue(site.settings().trading().enabled());
        assertEquals(50, site.settings().reserveSocPercent(), 0);
        assertEquals(false, ConfigValidator.validate(PID, Configs.home()).settings().trading().enabled());
        assertRefusedNaming(Configs.home("battery.trading", true, "battery.buy.below.eur.mwh", 200.0),
                "battery.buy.below.eur.mwh = 200 must be below battery.sell.above.eur.mwh = 150");
        assertRefusedNaming(Configs.home("battery.sell.bands", new String[] {"F3"}), "band F3 is in both");
        assertRefusedNaming(Configs.home("battery.reserve.soc.percent", 95), "battery.reserve.soc.percent = 95");
        assertRefusedNaming(Configs.home("battery.buy.bands", new String[] {"F4"}), "battery.buy.bands");
    }
}
