package org.microsmartgrid.city.ocpi.mapping;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.microsmartgrid.city.ocpi.model.DisplayText;
import org.microsmartgrid.city.registry.VehicleClass;

/**
 * Our vehicle classes have no place in OCPI's closed lists (ParkingRestriction and Capability mean other things, and
 * unknown fields are not allowed), so they go where OCPI takes free text for the driver: the Location's
 * {@code directions}, one DisplayText per language, with a fixed wording a partner can also read by machine
 * (docs/ocpi.md): "Veicoli: bici elettriche, monopattini elettrici" / "Vehicles: e-bikes, e-scooters".
 */
final class VehicleClasses {

    static final String PREFIX_IT = "Veicoli: ";
    static final String PREFIX_EN = "Vehicles: ";

    private VehicleClasses() {
    }

    static List<DisplayText> directions(Set<VehicleClass> classes) {
        if (classes.isEmpty()) return null;
        return List.of(new DisplayText("it", PREFIX_IT + join(classes, true)),
                new DisplayText("en", PREFIX_EN + join(classes, false)));
    }

    private static String join(Set<VehicleClass> classes, boolean italian) {
        return Stream.of(VehicleClass.values()).filter(classes::contains)
                .map(c -> italian ? italian(c) : english(c)).collect(Collectors.joining(", "));
    }

    static String italian(VehicleClass c) {
        return switch (c) {
            case EBIKE -> "bici elettriche";
            case SCOOTER -> "monopattini elettrici";
            case MOPED -> "ciclomotori";
            case MOBILITY_AID -> "ausili per la mobilità";
            case CAR -> "auto";
        };
    }

    static String english(VehicleClass c) {
        return switch (c) {
            case EBIKE -> "e-bikes";
            case SCOOTER -> "e-scooters";
            case MOPED -> "mopeds";
            case MOBILITY_AID -> "mobility aids";
            case CAR -> "cars";
        };
    }
}
