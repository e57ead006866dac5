package org.microsmartgrid.api.control;

import java.time.Instant;
import java.util.List;
import org.microsmartgrid.api.storage.BatteryResult;
import org.microsmartgrid.api.tariff.TariffBand;

/**
 * One cycle of the control loop: the site's power balance as the loop saw it, and what it decided for each socket.
 * A power that is not known (the grid reading is not trusted: safe state) is null, never NaN.
 *
 * @param at               when the cycle ran
 * @param cycle            cycle number, counted from 1 since the loop started (a configuration change does not reset
 *                         it)
 * @param safeState        true when the grid reading cannot be trusted: every socket not proven idle is off
 * @param safeStateWhy     why the loop is in the safe state, for people; null when it is not
 * @param gridW            grid power measured, W: import positive, export negative; null in the safe state
 * @param limitW           the import limit, W: contract power × (1 + margin) − reserve
 * @param headroomW        limit minus the import expected before switching, W; negative: over the limit; null in
 *                         the safe state
 * @param surplusW         solar surplus the sockets could use, W (what the site would export with sockets and
 *                         battery idle); 0 when there is none
 * @param spareW           headroom left after this decision, W; null in the safe state
 * @param predictedImportW grid import expected after this decision, W; null in the safe state
 * @param batterySetpointW battery set-point, W: positive discharge, negative charge, 0 without a battery or when it
 *                         must idle
 * @param band             tariff band now: F1, F2 or F3 (ARERA)
 * @param cheapNow         whether now counts as a cheap period
 * @param shed             whether sockets were shed for the grid limit in this cycle
 * @param sockets          one allocation per socket the loop knows, by socket number
 * @param batteryOutcome   the battery's answer to this cycle's set-point: APPLIED, CLAMPED or REFUSED; null without a
 *                         battery under control
 * @param batteryDetail    why it was clamped or refused; null otherwise
 * @param trade            what the hour's price asked of the battery: SELL, BUY or HOLD (HOLD without trading)
 * @param priceEurMWh      the hour's price (PUN), €/MWh; null when no price list covers the hour
 * @param priceSource      {@code PUN} when a price list covers the hour, {@code BANDS} when the ARERA bands decide
 * @param priceProblem     why the last attempt to load the prices failed (file missing, feed down, nonsense); null
 *                         when it succeeded or no prices are configured
 * @param batteryHours     the battery's last hours (at most 48, oldest first, the current one last); empty without
 *                         a battery
 */
public record LoopDecision(Instant at, long cycle, boolean safeState, String safeStateWhy, Double gridW,
                           double limitW, Double headroomW, double surplusW, Double spareW, Double predictedImportW,
                           double batterySetpointW, TariffBand band, boolean cheapNow, boolean shed,
                           List<SocketAllocation> sockets, BatteryResult.Outcome batteryOutcome, String batteryDetail,
                           String trade, Double priceEurMWh, String priceSource, String priceProblem,
                           List<BatteryHour> batteryHours) {

    public LoopDecision {
        sockets = List.copyOf(sockets);
        batteryHours = batteryHours == null ? List.of() : List.copyOf(batteryHours);
    }

    /** Without trading nor prices (the bands decide, the battery holds). */
    public LoopDecision(Instant at, long cycle, boolean safeState, String safeStateWhy, Double gridW,
                        double limitW, Double headroomW, double surplusW, Double spareW, Double predictedImportW,
                        double batterySetpointW, TariffBand band, boolean cheapNow, boolean shed,
                        List<SocketAllocation> sockets, BatteryResult.Outcome batteryOutcome, String batteryDetail) {
        this(at, cycle, safeState, safeStateWhy, gridW, limitW, headroomW, surplusW, spareW, predictedImportW,
                batterySetpointW, band, cheapNow, shed, sockets, batteryOutcome, batteryDetail, "HOLD", null, "BANDS",
                null, List.of());
    }

    /** Without a battery under control. */
    public LoopDecision(Instant at, long cycle, boolean safeState, String safeStateWhy, Double gridW, double limitW,
                        Double headroomW, double surplusW, Double spareW, Double predictedImportW,
                        double batterySetpointW, TariffBand band, boolean cheapNow, boolean shed,
                        List<SocketAllocation> sockets) {
        this(at, cycle, safeState, safeStateWhy, gridW, limitW, headroomW, surplusW, spareW, predictedImportW,
                batterySetpointW, band, cheapNow, shed, sockets, null, null);
    }
}
