package org.microsmartgrid.simulator.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Simulated time: starts at a chosen instant and runs {@code speed} times faster than the wall clock it is given
 * (a test passes a clock it moves by hand). Changing the speed or jumping keeps time continuous from that moment.
 */
public final class SimulationClock {
    private final Clock wall;
    private Instant wallAnchor;
    private Instant simAnchor;
    private double speed;

    public SimulationClock(Clock wall, Instant start, double speed) {
        if (!(speed > 0)) throw new IllegalArgumentException("time speed must be positive, got " + speed);
        this.wall = wall;
        this.wallAnchor = wall.instant();
        this.simAnchor = start;
        this.speed = speed;
    }

    public synchronized Instant now() {
        double simSeconds = Duration.between(wallAnchor, wall.instant()).toNanos() / 1e9 * speed;
        long whole = (long) Math.floor(simSeconds);
        return simAnchor.plusSeconds(whole).plusNanos(Math.round((simSeconds - whole) * 1e9));
    }

    public synchronized double speed() {
        return speed;
    }

    public synchronized void setSpeed(double newSpeed) {
        if (!(newSpeed > 0)) throw new IllegalArgumentException("time speed must be positive, got " + newSpeed);
        jumpTo(now());
        speed = newSpeed;
    }

    /** Makes simulated time continue from {@code simulated}, now. */
    public synchronized void jumpTo(Instant simulated) {
        wallAnchor = wall.instant();
        simAnchor = simulated;
    }
}
