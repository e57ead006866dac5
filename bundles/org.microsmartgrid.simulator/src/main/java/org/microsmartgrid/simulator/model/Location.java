package org.microsmartgrid.simulator.model;

import java.time.ZoneId;

/** Where the building stands: the sun's path depends on latitude and longitude, the daily routine on local time. */
public record Location(double latitude, double longitude, ZoneId zone) {
    /** Milan, Municipio 1 (the project's first district). */
    public static final Location MILAN = new Location(45.46, 9.19, ZoneId.of("Europe/Rome"));

    public Location {
        if (!(latitude >= -90 && latitude <= 90)) throw new IllegalArgumentException("latitude must be within -90..90");
        if (!(longitude >= -180 && longitude <= 180)) throw new IllegalArgumentException("longitude must be within -180..180");
        if (zone == null) throw new IllegalArgumentException("a location needs its time zone");
    }
}
