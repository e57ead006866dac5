package org.microsmartgrid.simulator.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The building's own consumption (everything but the charging sockets): a base load (fridges, standby, lighting of
 * common areas) plus the daily routine of its people (breakfast, lunch at weekends, the evening peak around 20:00
 * local time), with slow seeded noise, plus extra load that a test or a demo injects to force the balancer to shed.
 */
public final class BuildingLoad {
    private static final long NOISE_STREAM = 0x10AD;
    /** Relative size of the noise on the routine part: appliances come and go. */
    private static final double NOISE = 0.12;

    private final Location location;
    private final Ar1Noise noise;
    private final List<LoadInjection> injections = new ArrayList<>();
    private double baseW;
    private double peakW;
    private double extraW;

    BuildingLoad(Location location, long seed, double baseW, double peakW) {
        this.location = location;
        this.noise = new Ar1Noise(seed, NOISE_STREAM, 5, 120);
        this.baseW = baseW;
        this.peakW = peakW;
    }

    void setBaseW(double baseW) {
        this.baseW = baseW;
    }

    void setPeakW(double peakW) {
        this.peakW = peakW;
    }

    /** A constant extra load (the configuration's {@code load.extra.w}), on top of everything else. */
    void setExtraW(double extraW) {
        this.extraW = extraW;
    }

    void inject(LoadInjection injection) {
        injections.add(injection);
    }

    void clearInjections() {
        injections.clear();
    }

    double powerW(Instant t) {
        injections.removeIf(i -> !i.until().isAfter(t.minusSeconds(3600)));
        double routine = peakW * profile(LocalDateTime.ofInstant(t, location.zone())) * (1 + NOISE * noise.at(t));
        double injected = 0;
        for (LoadInjection i : injections) injected += i.activeAt(t) ? i.watts() : 0;
        return Math.max(0, baseW + Math.max(0, routine) + extraW + injected);
    }

    /** Share (0..~1) of the peak load in use at a local time; weekends start later and cook lunch at home. */
    public static double profile(LocalDateTime local) {
        double h = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
        boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend
                ? 0.45 * bump(h, 9.5, 1.2) + 0.55 * bump(h, 13.0, 1.0) + 0.9 * bump(h, 20.0, 1.5)
                : 0.35 * bump(h, 7.5, 0.75) + 0.15 * bump(h, 13.0, 1.0) + 1.0 * bump(h, 20.0, 1.5);
    }

    private static double bump(double hour, double centre, double width) {
        double d = hour - centre;
        return Math.exp(-d * d / (2 * width * width));
    }
}
