package org.microsmartgrid.grid.balancer.decision;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Small formatting helpers for reason texts. */
final class Texts {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Texts() {
    }

    // plain concatenation, not String.format: texts are built every cycle for every socket

    static String w(double watts) {
        return Math.round(watts) + " W";
    }

    static String kwh(double wh) {
        return tenths(wh / 1000) + " kWh";
    }

    static String duration(Duration d) {
        if (d.toMinutes() >= 120) return tenths(d.toMinutes() / 60.0) + " h";
        if (d.toSeconds() >= 120) return d.toMinutes() + " min";
        return tenths(d.toMillis() / 1000.0) + " s";
    }

    private static String tenths(double v) {
        long t = Math.round(v * 10);
        return (t < 0 ? "-" : "") + Math.abs(t) / 10 + "." + Math.abs(t) % 10;
    }

    static String time(Instant t, ZoneId zone) {
        return HH_MM.format(t.atZone(zone));
    }

    static String timeSeconds(Instant t, ZoneId zone) {
        return HH_MM_SS.format(t.atZone(zone));
    }

    static String sockets(List<Integer> sockets) {
        return (sockets.size() == 1 ? "socket " : "sockets ")
                + sockets.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
