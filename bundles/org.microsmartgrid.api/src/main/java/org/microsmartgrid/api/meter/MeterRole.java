package org.microsmartgrid.api.meter;

/**
 * Where a meter sits in the building. The sign of {@link Channel#ACTIVE_POWER} depends on the role:
 * GRID import positive / export negative; PV production positive; SOCKET and BUILDING consumption positive;
 * BATTERY discharge positive (power flowing into the building), charge negative.
 */
public enum MeterRole {
    GRID, PV, BATTERY, SOCKET, BUILDING
}
