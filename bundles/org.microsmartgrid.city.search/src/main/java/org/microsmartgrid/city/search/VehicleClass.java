package org.microsmartgrid.city.search;

/** The vehicle classes of DESIGN.md §9 that OCPI lacks: who can charge at a point. */
public enum VehicleClass {
    E_BIKE, SCOOTER, MOPED, MOBILITY_AID, CAR
}
