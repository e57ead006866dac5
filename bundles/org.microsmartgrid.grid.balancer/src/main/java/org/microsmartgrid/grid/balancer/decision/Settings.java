package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;

/**
 * The site's limits and the loop's tuning, already validated.
 *
 * @param contractPowerW  the contract power (ARERA step)
 * @param marginPercent   how far above the contract the meter tolerates indefinitely (10% in Italy)
 * @param reserveW        kept free below contract × (1 + margin) for meter noise and lag
 * @param exportLimitW    how much the battery's discharge may push into the grid (0: never)
 * @param minOn           a relay switched on stays on at least this long (except safety offs)
 * @param minOff          a relay switched off stays off at least this long
 * @param hysteresisW     extra headroom needed to switch a socket on, so that noise does not make it chatter
 * @param rotationPeriod  the time slice of a socket when same-class sessions take turns
 * @param staleGrid       a grid value older than this puts the site in the safe state
 * @param idleW           below this a socket's own meter proves the socket idle
 * @param battery         battery set-point bounds
 * @param importCapW      a temporary cap on the import asked by a building system, W; +∞ when none
 * @param supplyFuseW     the main fuse's rating in W (rated current × 230 V × phases); 0 when not known. Only
 *                        bounds what a grid reading can be ({@link SiteBounds}), never the limit the loop keeps
 * @param trading         when the battery sells to and buys from the grid ({@link TradingRules#OFF}: never)
 */
public record Settings(double contractPowerW, double marginPercent, double reserveW, double exportLimitW,
                       Duration minOn, Duration minOff, double hysteresisW, Duration rotationPeriod,
                       Duration staleGrid, double idleW, BatteryLimits battery,
                       double importCapW, double supplyFuseW, TradingRules trading) {

    public Settings {
        if (trading == null) throw new IllegalArgumentException("trading rules are required (TradingRules.OFF: none)");
        if (!(contractPowerW > 0)) throw new IllegalArgumentException("contract power must be > 0");
        if (!(marginPercent >= 0 && reserveW >= 0 && exportLimitW >= 0 && hysteresisW >= 0 && idleW >= 0))
            throw new IllegalArgumentException("margin, reserve, export limit, hysteresis and idle must be >= 0");
        if (minOn.isNegative() || minOff.isNegative() || rotationPeriod.isNegative() || staleGrid.isNegative())
            throw new IllegalArgumentException("times must be >= 0");
        if (!(importCapW > 0)) throw new IllegalArgumentException("an import cap must be > 0 W");
        if (!(supplyFuseW == 0 || supplyFuseW >= contractPowerW))
            throw new IllegalArgumentException("the supply's fuse must be 0 (not known) or at least the contract power");
        // fields are not assigned yet inside a compact constructor: compute from the parameters
        if (!(contractPowerW * (1 + marginPercent / 100) - reserveW > 0)) throw new IllegalArgumentException("the reserve leaves no power below the limit");
    }

    /** Without an import cap. */
    public Settings(double contractPowerW, double marginPercent, double reserveW, double exportLimitW,
                    Duration minOn, Duration minOff, double hysteresisW, Duration rotationPeriod,
                    Duration staleGrid, double idleW, BatteryLimits battery) {
        this(contractPowerW, marginPercent, reserveW, exportLimitW, minOn, minOff, hysteresisW, rotationPeriod,
                staleGrid, idleW, battery, Double.POSITIVE_INFINITY, 0, TradingRules.OFF);
    }

    /** With an import cap, without a known fuse. */
    public Settings(double contractPowerW, double marginPercent, double reserveW, double exportLimitW,
                    Duration minOn, Duration minOff, double hysteresisW, Duration rotationPeriod,
                    Duration staleGrid, double idleW, BatteryLimits battery, double importCapW) {
        this(contractPowerW, marginPercent, reserveW, exportLimitW, minOn, minOff, hysteresisW, rotationPeriod,
                staleGrid, idleW, battery, importCapW, 0, TradingRules.OFF);
    }

    /** The same settings with the main fuse's rating known (0: not known). */
    public Settings withSupplyFuse(double fuseW) {
        return new Settings(contractPowerW, marginPercent, reserveW, exportLimitW, minOn, minOff, hysteresisW,
                rotationPeriod, staleGrid, idleW, battery, importCapW, fuseW, trading);
    }

    /** The same settings with a temporary import cap (the lower of the cap and the contract limit applies). */
    public Settings withImportCap(double capW) {
        return new Settings(contractPowerW, marginPercent, reserveW, exportLimitW, minOn, minOff, hysteresisW,
                rotationPeriod, staleGrid, idleW, battery, capW, supplyFuseW, trading);
    }

    /** The same settings with rules for selling to and buying from the grid. */
    public Settings withTrading(TradingRules rules) {
        return new Settings(contractPowerW, marginPercent, reserveW, exportLimitW, minOn, minOff, hysteresisW,
                rotationPeriod, staleGrid, idleW, battery, importCapW, supplyFuseW, rules);
    }

    /** The SoC below which the battery only serves mobility aids: the higher of the minimum and the reserve. */
    public double reserveSocPercent() {
        return Math.max(battery.minSocPercent(), trading.reserveSocPercent());
    }

    /** A 3 kW home with the defaults: limit 3200 W, 60 s min on/off, 15 min turns. */
    public static Settings defaults(double contractPowerW) {
        return new Settings(contractPowerW, 10, 100, 0, Duration.ofSeconds(60), Duration.ofSeconds(60), 100,
                Duration.ofMinutes(15), Duration.ofSeconds(1), 10, BatteryLimits.DEFAULT);
    }

    /** The grid import the loop keeps below: contract × (1 + margin) − reserve, or the import cap when lower. */
    public double limitW() {
        double contractLimit = contractPowerW + contractPowerW * marginPercent / 100 - reserveW; // exact for whole %
        return Math.min(contractLimit, importCapW);
    }
}
