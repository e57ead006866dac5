package org.microsmartgrid.city.search;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a point must offer to be found. An empty set or a zero means "no filter". Build with {@link #builder()}.
 *
 * @param vehicleClasses the point serves at least one of these
 * @param connectors     the point has at least one of these connector standards
 * @param minPowerW      the point's maximum power is at least this many watts
 * @param availableNow   at least one EVSE is AVAILABLE (live status)
 * @param openAt         the point is open at this instant (Europe/Rome hours), or null for no filter
 * @param freeOfCharge   only points where charging costs nothing
 * @param facilities     the point has all of these facilities
 * @param minRating      the point is rated at least this (0..5; unrated points never match), or NaN for no filter
 * @param operatorTypes  the point is run by one of these
 */
public record Filters(Set<VehicleClass> vehicleClasses, Set<ConnectorStandard> connectors, long minPowerW,
                      boolean availableNow, Instant openAt, boolean freeOfCharge, Set<Facility> facilities,
                      double minRating, Set<OperatorType> operatorTypes) {

    /** No filter at all. */
    public static final Filters NONE = builder().build();

    public Filters {
        vehicleClasses = Set.copyOf(InvalidQueryException.required("vehicleClasses", vehicleClasses));
        connectors = Set.copyOf(InvalidQueryException.required("connectors", connectors));
        if (minPowerW < 0) {
            throw new InvalidQueryException("minPowerW", "potenza minima negativa: " + minPowerW,
                    "negative minimum power: " + minPowerW);
        }
        facilities = Set.copyOf(InvalidQueryException.required("facilities", facilities));
        if (!Double.isNaN(minRating) && !(minRating >= 0 && minRating <= 5)) {
            throw new InvalidQueryException("minRating", "valutazione minima fuori da [0, 5]: " + minRating,
                    "minimum rating outside [0, 5]: " + minRating);
        }
        operatorTypes = Set.copyOf(InvalidQueryException.required("operatorTypes", operatorTypes));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether a point passes every filter. */
    public boolean matches(PointView point) {
        PointFacts facts = point.facts();
        return matchesFacts(facts) && (!availableNow || point.availableNow());
    }

    /** The static part of {@link #matches}: everything but the live status. */
    boolean matchesFacts(PointFacts facts) {
        if (!vehicleClasses.isEmpty() && disjoint(vehicleClasses, facts.vehicleClasses())) {
            return false;
        }
        if (!connectors.isEmpty() && disjoint(connectors, facts.connectors())) {
            return false;
        }
        if (facts.maxPowerW() < minPowerW) {
            return false;
        }
        if (freeOfCharge && !facts.freeOfCharge()) {
            return false;
        }
        if (!facts.facilities().containsAll(facilities)) {
            return false;
        }
        if (!Double.isNaN(minRating)
                && (facts.rating().isEmpty() || facts.rating().getAsDouble() < minRating)) {
            return false;
        }
        if (!operatorTypes.isEmpty() && !operatorTypes.contains(facts.operatorType())) {
            return false;
        }
        return openAt == null || facts.openingHours().isOpenAt(openAt);
    }

    private static <T> boolean disjoint(Set<T> wanted, Set<T> offered) {
        for (T t : wanted) {
            if (offered.contains(t)) {
                return false;
            }
        }
        return true;
    }

    /** Collects filters; every method narrows the search. */
    public static final class Builder {
        private final Set<VehicleClass> vehicleClasses = EnumSet.noneOf(VehicleClass.class);
        private final Set<ConnectorStandard> connectors = EnumSet.noneOf(ConnectorStandard.class);
        private long minPowerW;
        private boolean availableNow;
        private Instant openAt;
        private boolean freeOfCharge;
        private final Set<Facility> facilities = EnumSet.noneOf(Facility.class);
        private double minRating = Double.NaN;
        private final Set<OperatorType> operatorTypes = EnumSet.noneOf(OperatorType.class);

        private Builder() {
        }

        /** Serves this vehicle class (several calls: any of them). */
        public Builder vehicleClass(VehicleClass vehicleClass) {
            vehicleClasses.add(InvalidQueryException.required("vehicleClass", vehicleClass));
            return this;
        }

        /** Has this connector standard (several calls: any of them). */
        public Builder connector(ConnectorStandard connector) {
            connectors.add(InvalidQueryException.required("connector", connector));
            return this;
        }

        public Builder minPowerW(long watts) {
            this.minPowerW = watts;
            return this;
        }

        public Builder availableNow() {
            this.availableNow = true;
            return this;
        }

        public Builder openAt(Instant instant) {
            this.openAt = InvalidQueryException.required("openAt", instant);
            return this;
        }

        public Builder freeOfCharge() {
            this.freeOfCharge = true;
            return this;
        }

        /** Has this facility (several calls: all of them). */
        public Builder facility(Facility facility) {
            facilities.add(InvalidQueryException.required("facility", facility));
            return this;
        }

        /** @throws InvalidQueryException if NaN (NaN means "no filter" only when the method is not called) */
        public Builder minRating(double rating) {
            if (Double.isNaN(rating)) {
                throw new InvalidQueryException("minRating", "valutazione minima non numerica",
                        "minimum rating is not a number");
            }
            this.minRating = rating;
            return this;
        }

        /** Run by this kind of operator (several calls: any of them). */
        public Builder operatorType(OperatorType type) {
            operatorTypes.add(InvalidQueryException.required("operatorType", type));
            return this;
        }

        /** @throws InvalidQueryException if a value is out of range */
        public Filters build() {
            return new Filters(vehicleClasses, connectors, minPowerW, availableNow, openAt, freeOfCharge, facilities,
                    minRating, operatorTypes);
        }
    }
}
