package org.microsmartgrid.city.ocpi.mapping;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.microsmartgrid.city.ocpi.model.BusinessDetails;
import org.microsmartgrid.city.ocpi.model.GeoLocation;
import org.microsmartgrid.city.ocpi.model.OcpiEvse;
import org.microsmartgrid.city.ocpi.model.OcpiLocation;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.Registry;

/**
 * A registry Location as an OCPI 2.2.1 Location of our party (docs/ocpi.md, "Mapping"). Empty when the point may not
 * or cannot be published as valid OCPI: no position (not public), a position out of range, an id OCPI cannot carry,
 * or no EVSE that can be published ("List of all Locations with valid EVSEs").
 */
public final class LocationMapper {

    private final Party party;

    public LocationMapper(Party party) {
        this.party = party;
    }

    public Optional<OcpiLocation> map(Location l) {
        if (!Registry.publishable(l) || !Texts.isCiString(l.id(), 36)) return Optional.empty();
        Optional<String> lat = Coordinates.latitude(l.latitude());
        Optional<String> lon = Coordinates.longitude(l.longitude());
        if (lat.isEmpty() || lon.isEmpty()) return Optional.empty();
        List<OcpiEvse> evses = l.evses().stream().flatMap(e -> EvseMapper.map(l, e).stream()).toList();
        if (evses.isEmpty()) return Optional.empty();
        List<String> facilities = List.copyOf(new TreeSet<>(l.facilities().stream()
                .filter(OcpiValues.FACILITIES::contains).toList()));
        String city = l.city() == null || l.city().isBlank() ? party.defaultCity() : l.city();
        return Optional.of(new OcpiLocation(Party.COUNTRY_CODE, party.partyId(), l.id(), true,
                Texts.printable(Privacy.name(l), 255), Texts.printable(Privacy.address(l), 45),
                Texts.printable(city, 45), Party.COUNTRY, new GeoLocation(lat.get(), lon.get()), evses,
                VehicleClasses.directions(l.vehicleClasses()),
                party.operatorName() == null ? null : new BusinessDetails(Texts.printable(party.operatorName(), 100)),
                facilities.isEmpty() ? null : facilities, Party.TIME_ZONE,
                OpeningHours.toOcpi(l.openingHours()).orElse(null), OcpiTime.format(lastUpdated(l))));
    }

    /**
     * The OCPI last_updated of a Location: its own record's, or any of its EVSEs' if newer (OCPI: "If an EVSE is
     * updated, also the 'parent' Location's last_updated field needs to be updated"). Paging by date uses it.
     */
    public static long lastUpdated(Location l) {
        return Registry.changedAt(l); // the registry pages by the same definition
    }
}
