package org.microsmartgrid.city.ocpi.model;

import java.util.List;

/** OCPI 2.2.1 version details: the endpoints of one version. */
public record VersionDetails(String version, List<Endpoint> endpoints) {

    /** OCPI 2.2.1 Endpoint class: module identifier, interface role (SENDER / RECEIVER) and URL. */
    public record Endpoint(String identifier, String role, String url) {
    }
}
