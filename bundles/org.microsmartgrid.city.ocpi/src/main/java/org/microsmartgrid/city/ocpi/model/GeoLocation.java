package org.microsmartgrid.city.ocpi.model;

/** OCPI 2.2.1 GeoLocation class: WGS 84 decimal degrees as strings with 5 to 7 decimals. */
public record GeoLocation(String latitude, String longitude) {
}
