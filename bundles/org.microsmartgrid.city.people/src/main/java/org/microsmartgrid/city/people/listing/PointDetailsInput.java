package org.microsmartgrid.city.people.listing;

import java.util.Set;
import java.util.stream.Collectors;

import org.microsmartgrid.city.people.listing.Enums.PriceKind;
import org.microsmartgrid.city.people.web.JsonBody;
import org.microsmartgrid.city.registry.PointDetails;

/**
 * What the owner of a module's point may say about it ({@code PUT /api/v1/claims/{id}/details}): the same fields and
 * rules as a listing's (docs/people.md), without what the module reports itself (name, position, sockets).
 */
public final class PointDetailsInput {
    public static final Set<String> FIELDS = Set.of("vehicle_classes", "facilities", "opening_hours", "price");

    private PointDetailsInput() {
    }

    public static PointDetails parse(JsonBody b) {
        ListingInput.Offer o = ListingInput.Offer.parse(b);
        return new PointDetails(o.vehicleClasses(), o.facilities().stream().map(Enum::name).collect(Collectors.toSet()),
                o.openingHours() == null || o.openingHours().isBlank() ? null : o.openingHours(),
                o.priceKind() == PriceKind.FREE, PublicPoint.priceText(o.priceKind(), o.priceCents()));
    }
}
