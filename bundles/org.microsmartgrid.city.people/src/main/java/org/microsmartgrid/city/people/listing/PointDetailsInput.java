package org.microsmartgrid.city.people.listing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.microsmartgrid.city.people.listing.Enums.Facility;
import org.microsmartgrid.city.people.listing.Enums.PriceKind;
import org.microsmartgrid.city.people.web.ApiError;
import org.microsmartgrid.city.people.web.JsonBody;
import org.microsmartgrid.city.registry.PointDetails;
import org.microsmartgrid.city.registry.VehicleClass;

/**
 * What the owner of a module's point may say about it ({@code PUT /api/v1/claims/{id}/details}): the same fields and
 * rules as a listing's (docs/people.md), without what the module reports itself (name, position, sockets).
 */
public final class PointDetailsInput {
    public static final Set<String> FIELDS = Set.of("vehicle_classes", "facilities", "opening_hours", "price");

    private PointDetailsInput() {
    }

    public static PointDetails parse(JsonBody b) {
        List<VehicleClass> vehicles = b.enums("vehicle_classes", VehicleClass.class, 1, VehicleClass.values().length);
        List<Facility> facilities = b.enums("facilities", Facility.class, 0, Facility.values().length);
        String hours = b.text("opening_hours", 0, 200, false);
        JsonBody price = b.object("price", ListingInput.PRICE_FIELDS);
        PriceKind kind = price.enumValue("kind", PriceKind.class, null);
        int cents = price.integer("amount_cents", 0, 100_000, kind == PriceKind.FREE ? 0 : null);
        if (kind == PriceKind.FREE && cents != 0) throw ApiError.badRequest("price: gratuito con importo / free with an amount");
        if (kind != PriceKind.FREE && cents == 0) throw ApiError.badRequest("price: importo mancante / amount missing");
        return new PointDetails(EnumSet.copyOf(vehicles),
                facilities.stream().map(Enum::name).collect(Collectors.toSet()),
                hours == null || hours.isBlank() ? null : hours, kind == PriceKind.FREE, PublicPoint.priceText(kind, cents));
    }
}
