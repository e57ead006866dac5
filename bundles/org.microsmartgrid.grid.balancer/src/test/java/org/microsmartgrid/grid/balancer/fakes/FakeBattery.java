package org.microsmartgrid.grid.balancer.fakes;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.microsmartgrid.api.storage.BatteryControl;
import org.microsmartgrid.api.storage.BatteryControlState;
import org.microsmartgrid.api.storage.BatteryResult;

/** A battery service that records the set-points it gets and clamps them to its limits, as a device does. */
public final class FakeBattery implements BatteryControl {
    public record Call(double setpointW, Duration validFor, String source) {
    }

    public final List<Call> calls = new ArrayList<>();
    public final List<String> releases = new ArrayList<>();
    private final Clock clock;
    private final double maxW;
    private final boolean exportAllowed;
    private BatteryControlState state;

    public FakeBattery(Clock clock, double maxW, boolean exportAllowed) {
        this.clock = clock;
        this.maxW = maxW;
        this.exportAllowed = exportAllowed;
        this.state = new BatteryControlState("battery", maxW, maxW, exportAllowed, 0, null, null, null);
    }

    @Override
    public String id() {
        return "battery";
    }

    @Override
    public BatteryControlState state() {
        return state;
    }

    @Override
    public BatteryResult apply(double setpointW, Duration validFor, String source) {
        calls.add(new Call(setpointW, validFor, source));
        double w = Math.max(-maxW, Math.min(maxW, setpointW));
        state = new BatteryControlState("battery", maxW, maxW, exportAllowed, w, clock.instant().plus(validFor), source, null);
        return w == setpointW ? BatteryResult.applied(w) : BatteryResult.clamped(setpointW, w, "limit");
    }

    @Override
    public BatteryResult release(String source) {
        releases.add(source);
        state = new BatteryControlState("battery", maxW, maxW, exportAllowed, 0, null, null, null);
        return BatteryResult.applied(0);
    }

    public Call last() {
        return calls.get(calls.size() - 1);
    }
}
