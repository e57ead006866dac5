package org.microsmartgrid.city.search;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * {@link Filters} turned into bit masks once per query, tested against the masks each {@link Entry} keeps, so the
 * filter of a point costs a few AND operations instead of set look-ups. Same meaning as {@link Filters#matches}
 * (the property tests check the index against that method).
 */
final class CompiledFilters {
    static {
        // the masks hold one bit per constant: an enum that outgrows them must change the masks' type
        if (ConnectorStandard.values().length > 64 || Facility.values().length > 32
                || VehicleClass.values().length > 32 || OperatorType.values().length > 32) {
            throw new ExceptionInInitializerError("filter masks too narrow for the enums");
        }
    }

    private final int vehicles;
    private final long connectors;
    private final int facilities;
    private final int operators;
    private final long minPowerW;
    private final boolean freeOfCharge;
    private final double minRating;
    private final Instant openAt;
    private final DayOfWeek openDay;
    private final LocalTime openTime;
    private final boolean availableNow;

    CompiledFilters(Filters filters) {
        this.vehicles = mask(filters.vehicleClasses());
        this.connectors = longMask(filters.connectors());
        this.facilities = mask(filters.facilities());
        this.operators = mask(filters.operatorTypes());
        this.minPowerW = filters.minPowerW();
        this.freeOfCharge = filters.freeOfCharge();
        this.minRating = filters.minRating();
        this.openAt = filters.openAt();
        ZonedDateTime local = openAt == null ? null : openAt.atZone(OpeningHours.ZONE);
        this.openDay = local == null ? null : local.getDayOfWeek();
        this.openTime = local == null ? null : local.toLocalTime();
        this.availableNow = filters.availableNow();
    }

    boolean matches(Entry e) {
        return matchesFacts(e) && matchesNow(e);
    }

    /** The filters on what a point is: a few AND operations on the entry's fields. */
    boolean matchesFacts(Entry e) {
        return (vehicles == 0 || (vehicles & e.vehicles) != 0)
                && (connectors == 0 || (connectors & e.connectors) != 0)
                && (facilities & e.facilities) == facilities
                && (operators == 0 || (operators & e.operator) != 0)
                && e.maxPowerW >= minPowerW
                && (!freeOfCharge || e.freeOfCharge)
                // an unrated point has rating NaN: every comparison with it is false
                && (Double.isNaN(minRating) || e.rating >= minRating);
    }

    /** The filters on the moment (open, available): dearer, so a search tests them on points in range only. */
    boolean matchesNow(Entry e) {
        return (openAt == null || e.facts.openingHours().isOpenAt(openAt, openDay, openTime))
                && (!availableNow || e.live.availableNow());
    }

    static int mask(Set<? extends Enum<?>> values) {
        int mask = 0;
        for (Enum<?> v : values) {
            mask |= 1 << v.ordinal();
        }
        return mask;
    }

    static long longMask(Set<? extends Enum<?>> values) {
        long mask = 0;
        for (Enum<?> v : values) {
            mask |= 1L << v.ordinal();
        }
        return mask;
    }
}
