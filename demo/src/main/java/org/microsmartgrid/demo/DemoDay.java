package org.microsmartgrid.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The day at the sites: vehicles come, charge for a while and go. Each socket alternates between empty and a
 * vehicle of its kind at a random state of charge; durations are drawn in simulated time (an e-bike stays one to
 * four hours) and run {@code speed} times faster, but never shorter than the module needs to see a session begin
 * and end (a vehicle stays at least {@link #MIN_STAY_S} s of real time). A change rewrites the site's simulator
 * configuration, which the simulator applies live (a changed socket entry plugs that vehicle anew, "N=" unplugs).
 * Called once a second from one thread.
 */
final class DemoDay {
    static final int MIN_STAY_S = 30;
    static final int MIN_GAP_S = 5;

    private final double speed;
    private final String startTime;
    private final Random random;
    private final List<Building> buildings = new ArrayList<>();

    /** A site's simulator and what is plugged into each of its sockets. */
    private static final class Building {
        final Site site;
        final Path conf;
        final int modbusPort;
        final String[] plugged; // "EBIKE:30" or "" per socket
        final long[] nextChange; // System.nanoTime() of the next arrival or departure

        Building(Site site, Path conf, int modbusPort) {
            this.site = site;
            this.conf = conf;
            this.modbusPort = modbusPort;
            this.plugged = new String[site.sockets().size()];
            this.nextChange = new long[site.sockets().size()];
        }

        List<String> entries() {
            List<String> e = new ArrayList<>();
            for (int i = 0; i < plugged.length; i++) e.add((i + 1) + "=" + plugged[i]);
            return e;
        }
    }

    DemoDay(double speed, String startTime, long seed) {
        this.speed = speed;
        this.startTime = startTime;
        this.random = new Random(seed);
    }

    /** Adds a site; returns its simulator's sockets at the start of the day (about two in three in use). */
    synchronized List<String> add(Site site, Path conf, int modbusPort) {
        Building b = new Building(site, conf, modbusPort);
        for (int i = 0; i < b.plugged.length; i++)
            b.plugged[i] = random.nextInt(3) < 2 ? vehicle(site.sockets().get(i)) : "";
        buildings.add(b);
        return b.entries();
    }

    /** The day begins now: the first arrivals and departures are scheduled from this moment. */
    synchronized void begin() {
        long now = System.nanoTime();
        for (Building b : buildings)
            for (int i = 0; i < b.plugged.length; i++)
                b.nextChange[i] = now + (b.plugged[i].isEmpty() ? gap() : stay(b.site.sockets().get(i)));
    }

    /** Applies the arrivals and departures that are due. */
    synchronized void tick() throws IOException {
        long now = System.nanoTime();
        for (Building b : buildings) {
            boolean changed = false;
            for (int i = 0; i < b.plugged.length; i++) {
                if (b.nextChange[i] == 0 || now < b.nextChange[i]) continue;
                Site.SocketKind kind = b.site.sockets().get(i);
                if (b.plugged[i].isEmpty()) {
                    b.plugged[i] = vehicle(kind);
                    b.nextChange[i] = now + stay(kind);
                } else {
                    b.plugged[i] = "";
                    b.nextChange[i] = now + gap();
                }
                changed = true;
            }
            if (changed) ModuleConf.writeSimulator(b.conf, b.site, b.modbusPort, speed, startTime, b.entries());
        }
    }

    private String vehicle(Site.SocketKind kind) {
        return kind.vehicle + ":" + (10 + random.nextInt(60));
    }

    /** How long a vehicle stays, in real nanoseconds: hours of simulated time, at least MIN_STAY_S. */
    private long stay(Site.SocketKind kind) {
        int simMinutes = switch (kind) {
            case MOBILITY_AID, CAR -> 120 + random.nextInt(360);
            default -> 45 + random.nextInt(180);
        };
        return realNanos(simMinutes, MIN_STAY_S);
    }

    /** How long a socket stays free: ten minutes to two hours of simulated time. */
    private long gap() {
        return realNanos(10 + random.nextInt(110), MIN_GAP_S);
    }

    private long realNanos(int simMinutes, int minSeconds) {
        double seconds = Math.max(minSeconds, simMinutes * 60 / speed);
        return (long) (seconds * 1e9);
    }
}
