package org.microsmartgrid.city.ocpi.model;

import java.util.List;

/** OCPI 2.2.1 EVSE object (mod_locations, "EVSE Object"): only the fields we fill. */
public record OcpiEvse(String uid, String status, List<OcpiConnector> connectors, String physicalReference,
                       String lastUpdated) {
}
