package org.microsmartgrid.city.search;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What the search needs to know about one charging point (an OCPI Location) that changes rarely: where it is, who can
 * charge there and how, and when. The live part (each EVSE's status) is kept apart and updated by
 * {@link PointIndex#updateStatus}. Only public facts: no names, phones or addresses belong here.
 *
 * @param id             the point's id (OCPI Location id, at most 36 characters)
 * @param latitude       WGS 84 degrees
 * @param longitude      WGS 84 degrees
 * @param vehicleClasses who can charge here (at least one)
 * @param connectors     connector standards of its EVSEs
 * @param maxPowerW      the most power one of its connectors delivers, in watts (0 or more)
 * @param freeOfCharge   charging costs nothing
 * @param facilities     OCPI facilities nearby
 * @param rating         community rating 0..5, or empty when nobody rated it
 * @param operatorType   who runs it
 * @param openingHours   when it can be used
 * @param monitored      a module reports its live status; points listed by people are not monitored
 * @param evseUids       its EVSEs (OCPI EVSE uid), each with a live status; no duplicates
 * @throws InvalidQueryException if a value is missing, NaN or out of range
 */
public record PointFacts(String id, double latitude, double longitude, Set<VehicleClass> vehicleClasses,
                         Set<ConnectorStandard> connectors, long maxPowerW, boolean freeOfCharge,
                         Set<Facility> facilities, OptionalDouble rating, OperatorType operatorType,
                         OpeningHours openingHours, boolean monitored, List<String> evseUids) {

    /** The longest id OCPI allows for a Location. */
    public static final int MAX_ID_LENGTH = 36;

    public PointFacts {
        InvalidQueryException.required("id", id);
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new InvalidQueryException("id", "id vuoto o più lungo di " + MAX_ID_LENGTH + " caratteri",
                    "id empty or longer than " + MAX_ID_LENGTH + " characters");
        }
        InvalidQueryException.latitude("latitude", latitude);
        InvalidQueryException.longitude("longitude", longitude);
        vehicleClasses = Set.copyOf(InvalidQueryException.required("vehicleClasses", vehicleClasses));
        if (vehicleClasses.isEmpty()) {
            throw new InvalidQueryException("vehicleClasses", "nessuna classe di veicolo", "no vehicle class");
        }
        connectors = Set.copyOf(InvalidQueryException.required("connectors", connectors));
        if (maxPowerW < 0) {
            throw new InvalidQueryException("maxPowerW", "potenza negativa: " + maxPowerW,
                    "negative power: " + maxPowerW);
        }
        facilities = Set.copyOf(InvalidQueryException.required("facilities", facilities));
        InvalidQueryException.required("rating", rating);
        if (rating.isPresent() && !(rating.getAsDouble() >= 0 && rating.getAsDouble() <= 5)) {
            throw new InvalidQueryException("rating", "valutazione fuori da [0, 5]: " + rating.getAsDouble(),
                    "rating outside [0, 5]: " + rating.getAsDouble());
        }
        InvalidQueryException.required("operatorType", operatorType);
        InvalidQueryException.required("openingHours", openingHours);
        InvalidQueryException.required("evseUids", evseUids);
        for (String uid : evseUids) {
            if (uid == null || uid.isBlank()) {
                throw new InvalidQueryException("evseUids", "uid di EVSE vuoto", "blank EVSE uid");
            }
        }
        evseUids = List.copyOf(evseUids);
        if (new HashSet<>(evseUids).size() != evseUids.size()) {
            throw new InvalidQueryException("evseUids", "EVSE ripetuti", "repeated EVSE uids");
        }
    }

    /** Where the point is. */
    public Position position() {
        return new Position(latitude, longitude);
    }
}
