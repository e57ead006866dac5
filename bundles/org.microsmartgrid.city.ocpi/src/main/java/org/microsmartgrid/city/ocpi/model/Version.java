package org.microsmartgrid.city.ocpi.model;

/** OCPI 2.2.1 Version class (versions module): a supported version and its details URL. */
public record Version(String version, String url) {
}
