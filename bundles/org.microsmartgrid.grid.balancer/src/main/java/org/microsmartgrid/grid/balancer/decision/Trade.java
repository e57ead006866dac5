package org.microsmartgrid.grid.balancer.decision;

/** What the hour's price asks of the home battery towards the grid (see {@link TradingRules}). */
public enum Trade {
    /** Expensive hour: discharge into the building and, within the export limit, into the grid. */
    SELL,
    /** Cheap hour: charge from the grid within the import limit. */
    BUY,
    /** Neither: the battery only follows the sessions and the solar surplus. */
    HOLD
}
