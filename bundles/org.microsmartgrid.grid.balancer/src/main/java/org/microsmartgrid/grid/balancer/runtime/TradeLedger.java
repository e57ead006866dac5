package org.microsmartgrid.grid.balancer.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.microsmartgrid.api.control.BatteryHour;
import org.microsmartgrid.grid.balancer.decision.BatteryValue;
import org.microsmartgrid.grid.balancer.decision.Decision;
import org.microsmartgrid.grid.balancer.decision.SiteSnapshot;

/**
 * The battery's energy per hour, integrated from its own meter cycle by cycle (the power seen at one cycle counts
 * until the next), and the hour's price: what {@code /status} and telemetry show as money made or saved
 * ({@link BatteryHour}). A gap longer than {@link #MAX_GAP} between cycles (a stopped loop) is not counted: nobody
 * knows what the battery did. In memory only: a restart starts a new ledger.
 */
final class TradeLedger {

    static final int HOURS = 48;
    static final Duration MAX_GAP = Duration.ofSeconds(10);

    private final TreeMap<Instant, Hour> hours = new TreeMap<>();
    private Instant lastAt;
    private double lastBatteryW = Double.NaN;
    private double lastGridW = Double.NaN;

    private static final class Hour {
        Double price;
        String trade;
        double dischargedWh;
        double chargedWh;
        double exportedWh;
    }

    synchronized void record(SiteSnapshot snap, Decision d) {
        if (snap.battery().isEmpty()) return;
        Instant now = snap.now();
        if (lastAt != null && !Double.isNaN(lastBatteryW)) {
            Duration dt = Duration.between(lastAt, now);
            if (!dt.isNegative() && !dt.isZero() && dt.compareTo(MAX_GAP) <= 0) {
                Hour h = hour(lastAt);
                double hoursElapsed = dt.toNanos() / 3.6e12;
                if (lastBatteryW > 0) {
                    h.dischargedWh += lastBatteryW * hoursElapsed;
                    if (!Double.isNaN(lastGridW) && lastGridW < 0)
                        h.exportedWh += Math.min(lastBatteryW, -lastGridW) * hoursElapsed;
                } else {
                    h.chargedWh += -lastBatteryW * hoursElapsed;
                }
            }
        }
        lastAt = now;
        lastBatteryW = snap.battery().filter(BatteryValue::isGood).map(BatteryValue::powerW).orElse(Double.NaN);
        lastGridW = snap.grid().isGood() ? snap.grid().powerW() : Double.NaN;
        Hour h = hour(now);
        h.price = Double.isFinite(d.priceEurMWh()) ? d.priceEurMWh() : null;
        h.trade = d.trade().name();
    }

    private Hour hour(Instant t) {
        Hour h = hours.computeIfAbsent(t.truncatedTo(ChronoUnit.HOURS), k -> new Hour());
        while (hours.size() > HOURS) hours.pollFirstEntry();
        return h;
    }

    synchronized List<BatteryHour> hours() {
        List<BatteryHour> result = new ArrayList<>();
        hours.forEach((start, h) -> result.add(new BatteryHour(start, h.price, h.price == null ? "BANDS" : "PUN",
                h.trade == null ? "HOLD" : h.trade, h.dischargedWh, h.chargedWh, h.exportedWh,
                h.price == null ? null : (h.dischargedWh - h.chargedWh) / 1_000_000 * h.price)));
        return result;
    }
}
