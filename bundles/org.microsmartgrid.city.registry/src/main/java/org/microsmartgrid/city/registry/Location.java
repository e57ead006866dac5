package org.microsmartgrid.city.registry;

import java.util.List;
import java.util.Set;

/**
 * A charging location (OCPI Location) with its EVSEs.
 *
 * @param id             stable id (≤ 36 characters)
 * @param name           public name
 * @param address        street address, or null (a private provider's exact address is never stored here)
 * @param city           city, or null
 * @param latitude       WGS84 degrees, or null when not known yet (then the point is not public)
 * @param longitude      WGS84 degrees, or null
 * @param operatorType   who offers it
 * @param monitored      a module reports its live status; false for points listed by people without a module
 * @param vehicleClasses which vehicles it serves
 * @param facilities     OCPI facilities nearby (CAFE, PARKING_LOT, ...)
 * @param openingHours   opening hours as text (OSM opening_hours syntax), null = always open
 * @param freeOfCharge   no charge for the energy
 * @param priceText      the price as the provider states it, or null
 * @param lastUpdated    last change, epoch ms
 * @param module         the reporting module, or null when not monitored
 * @param evses          its sockets
 */
public record Location(String id, String name, String address, String city, Double latitude, Double longitude,
                       OperatorType operatorType, boolean monitored, Set<VehicleClass> vehicleClasses,
                       Set<String> facilities, String openingHours, boolean freeOfCharge, String priceText,
                       long lastUpdated, ModuleState module, List<Evse> evses) {

    public Location {
        vehicleClasses = Set.copyOf(vehicleClasses);
        facilities = Set.copyOf(facilities);
        evses = List.copyOf(evses);
    }

    /** Has a position: only such points are public. */
    public boolean located() {
        return latitude != null && longitude != null;
    }

    /**
     * The status the public sees: a monitored point whose module is offline is UNKNOWN (its last status may no longer
     * be true); a point nobody monitors is UNKNOWN too.
     */
    public EvseStatus publicStatus(Evse e) {
        if (!monitored || module == null || !module.online()) return EvseStatus.UNKNOWN;
        return e.status();
    }
}
