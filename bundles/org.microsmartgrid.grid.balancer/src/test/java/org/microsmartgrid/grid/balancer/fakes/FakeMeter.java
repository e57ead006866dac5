package org.microsmartgrid.grid.balancer.fakes;

import java.time.Clock;
import java.util.Map;

import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.meter.Quality;
import org.microsmartgrid.api.meter.Sample;

/** A meter whose reading the test sets; {@link #failing} makes {@code reading()} throw. */
public final class FakeMeter implements Meter {

    private final String id;
    private final MeterRole role;
    private final int socket;
    private final Clock clock;
    private volatile MeterReading reading;
    public volatile boolean failing;

    public FakeMeter(String id, MeterRole role, int socket, Clock clock) {
        this.id = id;
        this.role = role;
        this.socket = socket;
        this.clock = clock;
        this.reading = MeterReading.none(id, role, socket, clock.instant());
    }

    /** A GOOD reading of the given power, captured now. */
    public MeterReading power(double watts) {
        reading = new MeterReading(id, role, socket, Quality.GOOD, clock.instant(),
                Map.of(Channel.ACTIVE_POWER, new Sample(watts, clock.instant())), null);
        return reading;
    }

    public MeterReading set(MeterReading r) {
        reading = r;
        return r;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public MeterRole role() {
        return role;
    }

    @Override
    public int socket() {
        return socket;
    }

    @Override
    public MeterReading reading() {
        if (failing) throw new IllegalStateException("bus closed");
        return reading;
    }
}
