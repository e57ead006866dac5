package org.microsmartgrid.grid.balancer.tariff;

import java.time.Instant;

/**
 * The hourly prices the loop trades on, and whether the last attempt to load them failed.
 *
 * @param prices   the last list that loaded (possibly before a later failure); {@link PriceList#EMPTY} when none
 * @param loadedAt when it loaded; null when none did
 * @param problem  why the last load failed (the previous list, if any, stays); null when it succeeded
 */
public record PriceState(PriceList prices, Instant loadedAt, String problem) {

    public static final PriceState NONE = new PriceState(PriceList.EMPTY, null, null);

    public PriceState {
        if (prices == null) throw new IllegalArgumentException("prices are required (PriceList.EMPTY: none)");
    }
}
