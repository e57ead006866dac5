package org.microsmartgrid.simulator.model;

import java.time.Instant;

/**
 * PV production: clear-sky global horizontal irradiance from the sun's elevation (Haurwitz's model,
 * GHI = 1098 cos z e^(-0.059 / cos z) W/m²), scaled so that 1000 W/m² gives the peak power, dimmed by passing clouds.
 * The array is treated as horizontal: a real tilted array makes a bit more in winter; the shape and the
 * summer/winter ratio are what the balancing loop cares about.
 */
public final class PvModel {
    private final Location location;
    private final CloudCover clouds;
    private double peakW;

    PvModel(Location location, long seed, double peakW, double cloudiness) {
        this.location = location;
        this.clouds = new CloudCover(seed, cloudiness);
        this.peakW = peakW;
    }

    void setPeakW(double peakW) {
        this.peakW = peakW;
    }

    void setCloudiness(double cloudiness) {
        clouds.setCloudiness(cloudiness);
    }

    double powerW(Instant t) {
        double clear = clearSkyPowerW(peakW, t, location);
        return clear == 0 ? 0 : clear * clouds.transmission(t);
    }

    /** What the array makes under a cloudless sky: 0 at night, never above the peak power. */
    public static double clearSkyPowerW(double peakW, Instant t, Location location) {
        double elevation = SolarPosition.elevationDegrees(t, location.latitude(), location.longitude());
        if (elevation <= 0) return 0;
        double cosZenith = Math.sin(Math.toRadians(elevation));
        double ghi = 1098 * cosZenith * Math.exp(-0.059 / cosZenith);
        return peakW * Math.min(1, ghi / 1000);
    }
}
