package org.microsmartgrid.simulator.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Where the sun is, from NOAA's general solar position formulas (fractional year, equation of time, declination,
 * hour angle). Accurate to a fraction of a degree, which is far better than a PV curve needs.
 */
public final class SolarPosition {
    private SolarPosition() {
    }

    /** Elevation of the sun's centre above the horizon, in degrees (negative at night). */
    public static double elevationDegrees(Instant t, double latitudeDeg, double longitudeDeg) {
        ZonedDateTime utc = t.atZone(ZoneOffset.UTC);
        double hours = utc.getHour() + utc.getMinute() / 60.0 + (utc.getSecond() + utc.getNano() / 1e9) / 3600.0;
        double gamma = fractionalYear(utc, hours);
        double declination = declination(gamma);
        double trueSolarMinutes = hours * 60 + equationOfTimeMinutes(gamma) + 4 * longitudeDeg;
        double hourAngle = Math.toRadians(trueSolarMinutes / 4 - 180);
        double lat = Math.toRadians(latitudeDeg);
        double cosZenith = Math.sin(lat) * Math.sin(declination) + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle);
        return 90 - Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cosZenith))));
    }

    /** Minutes after midnight UTC at which the sun crosses the meridian on the day of {@code t}. */
    public static double solarNoonMinutesUtc(Instant t, double longitudeDeg) {
        ZonedDateTime utc = t.atZone(ZoneOffset.UTC);
        return 720 - 4 * longitudeDeg - equationOfTimeMinutes(fractionalYear(utc, 12));
    }

    private static double fractionalYear(ZonedDateTime utc, double hours) {
        int daysInYear = utc.toLocalDate().lengthOfYear();
        return 2 * Math.PI / daysInYear * (utc.getDayOfYear() - 1 + (hours - 12) / 24);
    }

    private static double equationOfTimeMinutes(double g) {
        return 229.18 * (0.000075 + 0.001868 * Math.cos(g) - 0.032077 * Math.sin(g)
                - 0.014615 * Math.cos(2 * g) - 0.040849 * Math.sin(2 * g));
    }

    private static double declination(double g) {
        return 0.006918 - 0.399912 * Math.cos(g) + 0.070257 * Math.sin(g) - 0.006758 * Math.cos(2 * g)
                + 0.000907 * Math.sin(2 * g) - 0.002697 * Math.cos(3 * g) + 0.00148 * Math.sin(3 * g);
    }
}
