package org.microsmartgrid.api.charging;

/** How a driver wants to charge. */
public enum ChargingMode {
    /** As soon as the grid has headroom. */
    NOW,
    /** Only with solar surplus (power the site would otherwise export). */
    SOLAR_ONLY,
    /** Solar surplus plus cheap tariff hours; from the grid at any time when the target no longer fits by the deadline. */
    SOLAR_AND_CHEAP
}
