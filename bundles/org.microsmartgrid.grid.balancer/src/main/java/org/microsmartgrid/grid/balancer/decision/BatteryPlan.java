package org.microsmartgrid.grid.balancer.decision;

/**
 * The battery set-point: charge from the surplus the sockets leave; in expensive bands discharge to cover the
 * sessions' draw, within the SoC bounds, and never push more into the grid than the export limit allows.
 * In cheap bands the battery keeps its energy for the expensive hours.
 */
final class BatteryPlan {

    private BatteryPlan() {
    }

    /** What the battery may give running solar sessions in this cycle (0 in cheap bands or at the SoC floor). */
    static double availableForSessions(SiteSnapshot snap, boolean cheapNow) {
        BatteryLimits limits = snap.settings().battery();
        return snap.battery().filter(BatteryValue::isGood)
                .filter(b -> !cheapNow && b.socPercent() > limits.minSocPercent())
                .map(b -> limits.maxDischargeW()).orElse(0.0);
    }

    /**
     * @param surplusLeftW     surplus no solar session took (NOW sessions may still use it physically)
     * @param importNoBatteryW the import expected with the battery idle
     * @param socketsW         what the sockets that stay or go on draw
     * @return + discharge, − charge, 0 without a (trustworthy) battery
     */
    static double setpoint(SiteSnapshot snap, boolean cheapNow, double surplusLeftW, double importNoBatteryW,
                           double socketsW) {
        BatteryLimits limits = snap.settings().battery();
        var battery = snap.battery().filter(BatteryValue::isGood);
        if (battery.isEmpty()) return 0;
        double soc = battery.get().socPercent();
        // charge only from what would really be exported: a NOW session's draw is counted against the grid for
        // the solar sessions' sake, but physically it uses the surplus first
        double exportLeftW = Math.min(surplusLeftW, -importNoBatteryW);
        if (exportLeftW > 0 && soc < limits.maxSocPercent()) return -Math.min(exportLeftW, limits.maxChargeW());
        if (!cheapNow && soc > limits.minSocPercent() && socketsW > 0) {
            double cap = Math.max(0, importNoBatteryW) + snap.settings().exportLimitW();
            return Math.max(0, Math.min(limits.maxDischargeW(), Math.min(socketsW, cap)));
        }
        return 0;
    }
}
