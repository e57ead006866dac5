package org.microsmartgrid.api.control;

import java.time.Instant;

/**
 * What the home battery did in one hour and what it was worth at that hour's price (docs/battery.md, "Money"):
 * {@code valueEur = (dischargedWh − chargedWh) / 1 000 000 × priceEurMWh}. Every kWh discharged is one the building
 * did not buy or did sell, every kWh charged one it bought or did not sell, at the hour's price; taxes, network
 * charges and the battery's losses are not in it.
 *
 * @param hourStart    the hour's start
 * @param priceEurMWh  the hour's price (PUN), €/MWh; null when the hour had no price (the bands decided)
 * @param priceSource  {@code PUN} (a price list covered the hour) or {@code BANDS} (fallback)
 * @param trade        what the last cycle of the hour asked of the battery: SELL, BUY or HOLD
 * @param dischargedWh energy the battery gave, Wh (from its own meter)
 * @param chargedWh    energy the battery took, Wh
 * @param exportedWh   the part of the discharge that went into the grid, Wh
 * @param valueEur     money made or saved, €; negative: spent; null without a price
 */
public record BatteryHour(Instant hourStart, Double priceEurMWh, String priceSource, String trade,
                          double dischargedWh, double chargedWh, double exportedWh, Double valueEur) {
}
