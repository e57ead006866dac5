package org.microsmartgrid.city.people.listing;

import java.util.List;
import java.util.Set;

import org.microsmartgrid.city.people.listing.Enums.Facility;
import org.microsmartgrid.city.people.listing.Enums.PriceKind;
import org.microsmartgrid.city.people.listing.Enums.Precision;
import org.microsmartgrid.city.people.listing.Enums.Status;
import org.microsmartgrid.city.registry.OperatorType;
import org.microsmartgrid.city.registry.VehicleClass;

/** A plain socket (no module) a provider lists, as the provider entered it. */
public record Listing(String id, String ownerId, Status status, String name, String address, String city,
                      double latitude, double longitude, Precision precision, OperatorType operatorType,
                      Set<VehicleClass> vehicleClasses, Set<Facility> facilities, String openingHours,
                      PriceKind priceKind, int priceCents, String description, List<Socket> sockets,
                      String rejectReason, long created, long updated) {

    public Listing {
        vehicleClasses = Set.copyOf(vehicleClasses);
        facilities = Set.copyOf(facilities);
        sockets = List.copyOf(sockets);
    }

    /** One socket: its connector and the power it may give. */
    public record Socket(Enums.ConnectorStandard connector, int powerW) {
    }
}
