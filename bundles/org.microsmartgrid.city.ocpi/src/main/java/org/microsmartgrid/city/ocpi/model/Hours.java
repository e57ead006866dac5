package org.microsmartgrid.city.ocpi.model;

import java.util.List;

/** OCPI 2.2.1 Hours class: 24/7, or weekday-based regular hours (exceptions are not in our model). */
public record Hours(boolean twentyfourseven, List<RegularHours> regularHours) {
}
