package org.microsmartgrid.city.registry;

import java.util.Set;

/**
 * What the owner of a module's point says about it (docs/people.md, "Claiming a module"): the rest — name, position,
 * sockets, live status — is what the module reports.
 *
 * @param priceText the price as the owner states it, or null
 */
public record PointDetails(Set<VehicleClass> vehicleClasses, Set<String> facilities, String openingHours,
                           boolean freeOfCharge, String priceText) {

    public PointDetails {
        vehicleClasses = Set.copyOf(vehicleClasses);
        facilities = Set.copyOf(facilities);
    }
}
