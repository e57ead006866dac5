package org.microsmartgrid.city.ocpi.model;

/** OCPI 2.2.1 Connector object (mod_locations, "Connector Object"): only the fields we fill. */
public record OcpiConnector(String id, String standard, String format, String powerType, int maxVoltage,
                            int maxAmperage, Integer maxElectricPower, String lastUpdated) {
}
