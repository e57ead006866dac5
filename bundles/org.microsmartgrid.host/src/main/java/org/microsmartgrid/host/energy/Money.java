package org.microsmartgrid.host.energy;

import org.microsmartgrid.api.tariff.TariffBand;

/**
 * What a period's energy means in euros at the site's prices. Formulas (docs/host-page.md):
 * <ul>
 * <li>paid to the grid = Σ over bands of imported kWh × the band's grid price;</li>
 * <li>earned from export = exported kWh × the export price;</li>
 * <li>saved by the sun = Σ over bands of self-consumed kWh × the band's grid price (what that energy would have
 * cost from the grid);</li>
 * <li>earned from charging = the sessions' own cost (the charging bundle prices every session's energy at its
 * configured band prices).</li>
 * </ul>
 */
public record Money(double paidToGridEur, double earnedFromExportEur, double savedBySunEur, double earnedFromChargingEur) {

    public static Money of(Totals t, Prices prices, double chargingEur) {
        double paid = 0;
        double saved = 0;
        for (TariffBand b : TariffBand.values()) {
            paid += t.wh(Flow.GRID_IMPORT, b) / 1000 * prices.grid(b);
            saved += t.selfConsumedWh(b) / 1000 * prices.grid(b);
        }
        return new Money(paid, t.wh(Flow.GRID_EXPORT) / 1000 * prices.exportEurKwh(), saved, chargingEur);
    }
}
