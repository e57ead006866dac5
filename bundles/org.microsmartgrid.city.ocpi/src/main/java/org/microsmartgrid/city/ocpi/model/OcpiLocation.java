package org.microsmartgrid.city.ocpi.model;

import java.util.List;

/**
 * OCPI 2.2.1 Location object (mod_locations, "Location Object"): only the fields we fill. Null fields are left out of
 * the JSON (all of them are optional in OCPI); field names become snake_case when serialised ({@link OcpiJson}).
 */
public record OcpiLocation(String countryCode, String partyId, String id, boolean publish, String name,
                           String address, String city, String country, GeoLocation coordinates, List<OcpiEvse> evses,
                           List<DisplayText> directions, BusinessDetails operator, List<String> facilities,
                           String timeZone, Hours openingTimes, String lastUpdated) {
}
