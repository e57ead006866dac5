package org.microsmartgrid.city.ocpi.model;

/** OCPI 2.2.1 BusinessDetails class: the operator's name (website and logo are not in our model). */
public record BusinessDetails(String name) {
}
