package org.microsmartgrid.city.registry;

/** The vehicles a point is meant for: what OCPI lacks and our users search by (DESIGN.md §9). */
public enum VehicleClass {
    EBIKE, SCOOTER, MOPED, MOBILITY_AID, CAR
}
