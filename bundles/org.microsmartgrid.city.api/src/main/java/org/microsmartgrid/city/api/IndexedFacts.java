package org.microsmartgrid.city.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.search.ConnectorStandard;
import org.microsmartgrid.city.search.EvseStatus;
import org.microsmartgrid.city.search.Facility;
import org.microsmartgrid.city.search.OpeningHours;
import org.microsmartgrid.city.search.OperatorType;
import org.microsmartgrid.city.search.PointFacts;
import org.microsmartgrid.city.search.VehicleClass;

/**
 * A registry location as the search index holds it: only what the public may filter on (no names, addresses).
 * The registry's vocabulary (its enums, facility strings, opening hours text) is translated here, in one place.
 */
final class IndexedFacts {

    private IndexedFacts() {
    }

    /** The EVSE uid of a socket in the index: its number (unique within a point). */
    static String uid(Evse e) {
        return Integer.toString(e.socket());
    }

    /**
     * The point's facts, or empty when it is not public (no position) or says nothing the search could match on (no
     * vehicle class): such a point stays out of search and clusters but remains readable by id.
     */
    static Optional<PointFacts> of(Location l) {
        if (!PublicView.isPublic(l) || l.vehicleClasses().isEmpty()) return Optional.empty();
        Set<VehicleClass> vehicles = EnumSet.noneOf(VehicleClass.class);
        for (var v : l.vehicleClasses()) vehicles.add(vehicle(v));
        Set<ConnectorStandard> connectors = EnumSet.noneOf(ConnectorStandard.class);
        long maxPower = 0;
        List<String> uids = new ArrayList<>();
        for (Evse e : l.evses()) {
            uids.add(uid(e));
            for (Connector c : e.connectors()) {
                maxPower = Math.max(maxPower, c.maxPowerW());
                enumOf(ConnectorStandard.class, c.standard()).ifPresent(connectors::add);
            }
        }
        Set<Facility> facilities = EnumSet.noneOf(Facility.class);
        for (String f : l.facilities()) enumOf(Facility.class, f).ifPresent(facilities::add);
        return Optional.of(new PointFacts(l.id(), l.latitude(), l.longitude(), vehicles, connectors, maxPower,
                l.freeOfCharge(), facilities, OptionalDouble.empty() /* ratings: issue "People and power" */,
                OperatorType.valueOf(l.operatorType().name()), hours(l.openingHours()), l.monitored(), uids));
    }

    /** The public status of a socket in the search's vocabulary (UNKNOWN when its module is offline). */
    static EvseStatus status(Location l, Evse e) {
        return EvseStatus.valueOf(l.publicStatus(e).name());
    }

    static VehicleClass vehicle(org.microsmartgrid.city.registry.VehicleClass v) {
        return v == org.microsmartgrid.city.registry.VehicleClass.EBIKE ? VehicleClass.E_BIKE : VehicleClass.valueOf(v.name());
    }

    /**
     * The registry keeps opening hours as OSM text; null means always open (docs/city-runtime.md). Only "24/7" is
     * understood so far: any other text counts as unknown hours, which never match "open now" (a point is left out
     * rather than shown open when it may be closed).
     */
    static OpeningHours hours(String text) {
        if (text == null || text.strip().equals("24/7")) return OpeningHours.alwaysOpen();
        return OpeningHours.unknown();
    }

    private static <E extends Enum<E>> Optional<E> enumOf(Class<E> type, String name) {
        try {
            return name == null ? Optional.empty() : Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
