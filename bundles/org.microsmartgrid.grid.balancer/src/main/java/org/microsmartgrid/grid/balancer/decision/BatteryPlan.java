package org.microsmartgrid.grid.balancer.decision;

/**
 * The battery set-point, in this order:
 * <ol>
 *   <li>SELL hour ({@link TradingRules}) and the SoC above the reserve: discharge as much as the building imports
 *       plus the export limit (money for every kWh at the hour's price);</li>
 *   <li>BUY hour: charge from the grid up to the import limit (less the hysteresis), and the surplus with it;</li>
 *   <li>surplus left after the sessions: charge it;</li>
 *   <li>in an expensive band: cover the running sessions' draw (below the reserve, only mobility aids');</li>
 *   <li>otherwise idle.</li>
 * </ol>
 * A discharge never covers a socket whose relay is not yet closed (a relay may defer an ON: its own minimum
 * off-time after a meter outage) nor one whose relay closed after the last grid reading (a vehicle takes a moment to
 * start drawing): the discharge would go into the grid meanwhile. It is never more than the
 * import of what really runs plus the export limit, so the battery never pushes more than that into the grid.
 */
final class BatteryPlan {

    /** The part of the gap to the export limit a sale closes per cycle: stable with up to four cycles of lag. */
    static final double SELL_GAIN = 0.3;

    /**
     * The part of the export a charge from the surplus takes up per cycle: the same stability with lagging meters as
     * a sale. Import is given back at once (all of it, {@link #setpoint}).
     */
    static final double CHARGE_GAIN = 0.3;

    /** Below this a charge is not worth a write (and a charge decaying towards 0 ends). */
    static final double MIN_CHARGE_W = 1;

    private BatteryPlan() {
    }

    /**
     * What the battery may give running solar sessions in this cycle (0 in cheap bands, in BUY hours, or at the
     * reserve).
     */
    static double availableForSessions(SiteSnapshot snap, boolean cheapNow, Trade trade) {
        BatteryLimits limits = snap.settings().battery();
        double floor = snap.settings().reserveSocPercent();
        return snap.battery().filter(BatteryValue::isGood)
                .filter(b -> !cheapNow && trade != Trade.BUY && b.socPercent() > floor)
                .map(b -> limits.maxDischargeW()).orElse(0.0);
    }

    /**
     * The site's flows with the battery idle, after this decision's switching.
     *
     * @param surplusLeftW  surplus no solar session took (NOW sessions may still use it physically)
     * @param importAllW    the import expected once every socket switched on has closed
     * @param importRunningW the import expected from what runs now: sockets whose relay is really closed
     * @param runningW      what the sockets that are on and really closed draw
     * @param mobilityAidW  the part of {@code runningW} drawn by mobility aids
     * @param batteryCountedW the battery's discharge the import figures count as stopping (its reading, ≥ 0)
     * @param gridAsIsW     the import the grid reading shows with the battery as it is, once what is switched on
     *                      has closed: the grid reading and this decision's switching only, never the battery's reading
     */
    record Flows(double surplusLeftW, double importAllW, double importRunningW, double runningW, double mobilityAidW,
                 double batteryCountedW, double gridAsIsW) {
    }

    /** @return + discharge, − charge, 0 without a (trustworthy) battery */
    static double setpoint(SiteSnapshot snap, boolean cheapNow, Trade trade, Flows f) {
        Settings st = snap.settings();
        BatteryLimits limits = st.battery();
        var battery = snap.battery().filter(BatteryValue::isGood);
        if (battery.isEmpty()) return 0;
        double soc = battery.get().socPercent();
        double reserve = st.reserveSocPercent();
        double dischargeCap = Math.max(0, f.importRunningW()) + st.exportLimitW();
        if (trade == Trade.SELL && soc > reserve) {
            // The grid and the battery are read at different times (the battery's meter usually polls more slowly),
            // and a battery takes a moment to follow: a sale set straight to "import + export limit" from those two
            // readings oscillated and overshot the export limit (BatteryIT). So the sale moves from the set-point
            // given last by a part (SELL_GAIN) of what the grid reading says is still missing to the export limit,
            // and never beyond the cap from the readings: stable with a few cycles of lag, and a sudden drop in the
            // building's load shows as export above the limit only until the loop has followed it (a second or so).
            double given = Math.max(0, snap.previous().batterySetpointW());
            double gridNowW = f.importRunningW() - f.batteryCountedW(); // the import with the battery as it is now
            double sale = Math.min(given + SELL_GAIN * (gridNowW + st.exportLimitW()), dischargeCap);
            return Math.max(0, Math.min(limits.maxDischargeW(), sale));
        }
        boolean roomToCharge = soc < limits.maxSocPercent();
        if (trade == Trade.BUY && roomToCharge) {
            // the worst case: every socket switched on draws; the limit holds with the battery charging
            double room = st.limitW() - st.hysteresisW() - f.importAllW();
            return -Math.max(0, Math.min(limits.maxChargeW(), room));
        }
        // Charge from the surplus, i.e. from what the grid shows as export with the battery as it is (a NOW session's
        // draw is counted against the grid for the solar sessions' sake, but physically it uses the surplus first).
        // The charge moves from the one given last, by what the grid reading says: export is taken up a part
        // (CHARGE_GAIN) at a time, import is given back at once (sessions and the building before the battery, never
        // a charge from the grid). It once was rebuilt every cycle from "grid + battery reading"; the battery's meter
        // polls more slowly than the grid's, and with a reading a few cycles old the charge flipped between the
        // surplus and 0 every cycle, for good when the battery's poll locked in phase with the flip (BatteryIT in CI,
        // BatteryReadingLagPropertiesTest).
        double given = Math.max(0, -snap.previous().batterySetpointW());
        double gridAsIsW = f.gridAsIsW();
        double charge = gridAsIsW > 0 ? given - gridAsIsW : given - CHARGE_GAIN * gridAsIsW;
        // never beyond the battery, and never so much that the import with the battery charging passes the limit
        charge = Math.min(charge, Math.min(limits.maxChargeW(), st.limitW() - f.importAllW()));
        if (charge >= MIN_CHARGE_W && roomToCharge) return -charge;
        if (!cheapNow && trade != Trade.BUY && soc > limits.minSocPercent()) {
            double cover = soc > reserve ? f.runningW() : f.mobilityAidW();
            if (cover > 0) return Math.max(0, Math.min(limits.maxDischargeW(), Math.min(cover, dischargeCap)));
        }
        return 0;
    }
}
