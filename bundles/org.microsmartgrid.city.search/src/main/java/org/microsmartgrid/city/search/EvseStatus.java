package org.microsmartgrid.city.search;

/** OCPI 2.2.1 EVSE status (Status enum, §8.4.22), with OCPI's names. */
public enum EvseStatus {
    AVAILABLE, BLOCKED, CHARGING, INOPERATIVE, OUTOFORDER, PLANNED, REMOVED, RESERVED, UNKNOWN
}
