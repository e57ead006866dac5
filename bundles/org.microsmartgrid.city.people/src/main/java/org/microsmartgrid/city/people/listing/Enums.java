package org.microsmartgrid.city.people.listing;

/** The closed vocabularies of a listing (OCPI 2.2.1 names where OCPI has them, DESIGN.md §9). */
public final class Enums {

    private Enums() {
    }

    /** The connectors a plain socket may have: Schuko, Italian, Type 2. */
    public enum ConnectorStandard { DOMESTIC_F, DOMESTIC_L, IEC_62196_T2 }

    public enum PriceKind { FREE, PER_KWH, PER_HOUR, PER_SESSION }

    /** OCPI Facility values. */
    public enum Facility {
        HOTEL, RESTAURANT, CAFE, MALL, SUPERMARKET, SPORT, RECREATION_AREA, NATURE, MUSEUM, BIKE_SHARING, BUS_STOP,
        TAXI_STAND, TRAM_STOP, METRO_STATION, TRAIN_STATION, AIRPORT, PARKING_LOT, CARPOOL_PARKING, FUEL_STATION, WIFI
    }

    /**
     * How precisely the public sees where the point is: EXACT (as entered, with the address), STREET (about 100 m,
     * no house number), AREA (about 1 km). A private individual's point is never EXACT.
     */
    public enum Precision { EXACT, STREET, AREA }

    public enum Status { PENDING, APPROVED, REJECTED, WITHDRAWN }
}
