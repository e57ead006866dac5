package org.microsmartgrid.city.people.listing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.microsmartgrid.city.people.listing.Enums.ConnectorStandard;
import org.microsmartgrid.city.people.listing.Enums.Facility;
import org.microsmartgrid.city.people.listing.Enums.PriceKind;
import org.microsmartgrid.city.people.listing.Enums.Precision;
import org.microsmartgrid.city.people.web.ApiError;
import org.microsmartgrid.city.people.web.JsonBody;
import org.microsmartgrid.city.registry.OperatorType;
import org.microsmartgrid.city.registry.VehicleClass;

/** What a provider sends to list or change a point, checked field by field (docs/people.md has the format). */
public record ListingInput(String name, String address, String city, double latitude, double longitude,
                           Precision precision, OperatorType operatorType, Set<VehicleClass> vehicleClasses,
                           Set<Facility> facilities, String openingHours, PriceKind priceKind, int priceCents,
                           String description, List<Listing.Socket> sockets) {

    public static final Set<String> FIELDS = Set.of("name", "address", "city", "latitude", "longitude",
            "location_precision", "operator_type", "vehicle_classes", "facilities", "opening_hours", "price",
            "description", "sockets");
    static final Set<String> PRICE_FIELDS = Set.of("kind", "amount_cents");
    static final Set<String> SOCKET_FIELDS = Set.of("connector", "power_w");
    /** 32 A at 400 V three-phase: the most a socket listed by people may claim. */
    static final int MAX_POWER_W = 22_000;

    public static ListingInput parse(JsonBody b) {
        String name = b.text("name", 3, 80, false);
        String address = b.text("address", 3, 120, false);
        String city = b.text("city", 2, 45, false);
        double lat = b.number("latitude", -90, 90);
        double lon = b.number("longitude", -180, 180);
        OperatorType type = b.enumValue("operator_type", OperatorType.class, null);
        Precision precision = b.enumValue("location_precision", Precision.class,
                type == OperatorType.PRIVATE_INDIVIDUAL ? Precision.STREET : Precision.EXACT);
        if (type == OperatorType.PRIVATE_INDIVIDUAL && precision == Precision.EXACT)
            throw ApiError.badRequest("location_precision: il punto di un privato non si mostra esatto / "
                    + "a private individual's point is never shown exactly (STREET or AREA)");
        Offer offer = Offer.parse(b);
        String description = b.text("description", 0, 1000, true);
        List<Listing.Socket> sockets = b.objects("sockets", SOCKET_FIELDS, 1, 16).stream().map(s -> new Listing.Socket(
                s.enumValue("connector", ConnectorStandard.class, null),
                s.integer("power_w", 100, MAX_POWER_W, null))).toList();
        return new ListingInput(name, address, city, lat, lon, precision, type, offer.vehicleClasses(),
                offer.facilities(), offer.openingHours(), offer.priceKind(), offer.priceCents(), description, sockets);
    }

    /**
     * What a point offers, with the same rules for a listing and for a claimed module's point: vehicles (at least
     * one), facilities, opening hours, price (free, or an amount).
     */
    public record Offer(Set<VehicleClass> vehicleClasses, Set<Facility> facilities, String openingHours,
                        PriceKind priceKind, int priceCents) {

        public static Offer parse(JsonBody b) {
            List<VehicleClass> vehicles = b.enums("vehicle_classes", VehicleClass.class, 1, VehicleClass.values().length);
            List<Facility> facilities = b.enums("facilities", Facility.class, 0, Facility.values().length);
            String hours = b.text("opening_hours", 0, 200, false);
            JsonBody price = b.object("price", PRICE_FIELDS);
            PriceKind kind = price.enumValue("kind", PriceKind.class, null);
            int cents = price.integer("amount_cents", 0, 100_000, kind == PriceKind.FREE ? 0 : null);
            if (kind == PriceKind.FREE && cents != 0) throw ApiError.badRequest("price: gratuito con importo / free with an amount");
            if (kind != PriceKind.FREE && cents == 0) throw ApiError.badRequest("price: importo mancante / amount missing");
            return new Offer(vehicles.isEmpty() ? Set.of() : EnumSet.copyOf(vehicles),
                    facilities.isEmpty() ? Set.of() : EnumSet.copyOf(facilities), hours, kind, cents);
        }
    }
}
