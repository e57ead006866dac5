package org.microsmartgrid.city.ocpi.model;

/** OCPI 2.2.1 RegularHours class: weekday 1 (Monday) to 7 (Sunday), local times "HH:MM". */
public record RegularHours(int weekday, String periodBegin, String periodEnd) {
}
