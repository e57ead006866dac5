package org.microsmartgrid.grid.balancer.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.relay.RelayState;

/**
 * A relay that behaves like the GPIO one as far as the balancer can tell: leases run out, non-safety switches
 * inside the minimum times are deferred, a faulted relay refuses ON. Every command is recorded.
 */
public final class FakeRelay implements Relay {

    private final String id;
    private final int socket;
    private final Clock clock;
    private final Duration minOn;
    private final Duration minOff;
    private final List<RelayCommand> commands = new ArrayList<>();
    private boolean on;
    private Instant since;
    private Instant leaseUntil;
    private String source = "start";
    public volatile String fault;

    public FakeRelay(String id, int socket, Clock clock, Duration minOn, Duration minOff) {
        this.id = id;
        this.socket = socket;
        this.clock = clock;
        this.minOn = minOn;
        this.minOff = minOff;
        this.since = clock.instant().minus(Duration.ofHours(1));
    }

    public FakeRelay(String id, int socket, Clock clock) {
        this(id, socket, clock, Duration.ZERO, Duration.ZERO);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int socket() {
        return socket;
    }

    @Override
    public synchronized RelayState state() {
        expireLease();
        return new RelayState(id, socket, on, on, null, fault, since, source, on ? leaseUntil : null);
    }

    @Override
    public synchronized RelayResult command(RelayCommand c) {
        expireLease();
        commands.add(c);
        Instant now = clock.instant();
        if (c.on() && fault != null) return new RelayResult(RelayResult.Outcome.REJECTED, state(), null, fault);
        if (c.on() != on) {
            Duration min = on ? minOn : minOff;
            if (!c.safety() && now.isBefore(since.plus(min)))
                return new RelayResult(RelayResult.Outcome.DEFERRED, state(), since.plus(min), "minimum time");
            on = c.on();
            since = now;
            source = c.source();
        }
        if (on) leaseUntil = now.plus(c.lease());
        return new RelayResult(RelayResult.Outcome.APPLIED, state(), null, null);
    }

    private void expireLease() {
        if (on && leaseUntil != null && clock.instant().isAfter(leaseUntil)) {
            on = false;
            since = leaseUntil;
            source = "lease expired";
        }
    }

    public synchronized boolean isOn() {
        expireLease();
        return on;
    }

    public synchronized List<RelayCommand> commands() {
        return List.copyOf(commands);
    }

    public synchronized RelayCommand lastCommand() {
        return commands.isEmpty() ? null : commands.get(commands.size() - 1);
    }
}
