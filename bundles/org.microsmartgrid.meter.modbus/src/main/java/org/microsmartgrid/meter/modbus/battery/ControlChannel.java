package org.microsmartgrid.meter.modbus.battery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.microsmartgrid.api.storage.BatteryControlState;
import org.microsmartgrid.api.storage.BatteryResult;
import org.microsmartgrid.meter.modbus.bus.ModbusBusService;
import org.microsmartgrid.meter.modbus.bus.ReadFailure;
import org.microsmartgrid.meter.modbus.bus.RegisterClient;
import org.microsmartgrid.meter.modbus.config.BatterySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module side of one SunSpec battery: checks a set-point against the limits at once and hands it to the bus
 * thread, which writes it between polls. Only the newest set-point is kept (a slow bus drops stale ones, it never
 * queues them up), and renewing an unchanged set-point is written only once half its validity has passed (the
 * device's revert timer still never runs out while the loop lives; the bus carries a third of the requests). The
 * caller never waits for the bus: a failed write shows as the state's fault and refuses the
 * next set-points until a write succeeds again (each one is still tried).
 */
public final class ControlChannel {
    private static final Logger LOG = LoggerFactory.getLogger(ControlChannel.class);
    /** A job handed to the bus that has not run after this long was dropped (see {@link #enqueue}). */
    static final Duration RESUBMIT_AFTER = Duration.ofSeconds(2);

    private record Request(double setpointW, Duration validFor, String source, Instant at, boolean release) {
    }

    private final BatterySettings settings;
    private final ModbusBusService bus;
    private final Clock clock;
    private final StorageWriter writer;
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private volatile Request lastWritten;
    private volatile double deviceMaxW = Double.POSITIVE_INFINITY;
    private volatile BatteryControlState state;
    private volatile Instant submittedAt = Instant.MIN;

    public ControlChannel(BatterySettings settings, ModbusBusService bus, Clock clock) {
        this.settings = settings;
        this.bus = bus;
        this.clock = clock;
        this.writer = new StorageWriter(settings.unitId(), settings.sunspecBaseAddress());
        this.state = state(0, null, null, null);
    }

    public BatteryControlState state() {
        return state;
    }

    public SetpointLimits limits() {
        return new SetpointLimits(settings.maxChargeW(), settings.maxDischargeW()).within(deviceMaxW);
    }

    public BatteryResult apply(double setpointW, Duration validFor, String source) {
        if (validFor == null || validFor.isNegative() || validFor.isZero())
            return BatteryResult.refused(setpointW, "a set-point needs a positive validity, got " + validFor);
        if (validFor.toSeconds() >= 0xFFFF)
            return BatteryResult.refused(setpointW, "validity " + validFor + " exceeds the device's revert timer (65534 s)");
        if (source == null || source.isBlank()) return BatteryResult.refused(setpointW, "a set-point needs its source");
        BatteryResult checked = limits().check(setpointW);
        if (!checked.written()) return checked;
        Request r = new Request(checked.appliedW(), validFor, source, clock.instant(), false);
        if (!freshRenewal(r)) enqueue(r);
        String fault = state.fault();
        return fault == null ? checked : BatteryResult.refused(setpointW, "battery not following: " + fault);
    }

    public BatteryResult release(String source) {
        enqueue(new Request(0, Duration.ZERO, source, clock.instant(), true));
        String fault = state.fault();
        return fault == null ? BatteryResult.applied(0) : BatteryResult.refused(0, "battery not following: " + fault);
    }

    /** The same set-point, written without fault less than half its validity ago: the device still holds it. */
    private boolean freshRenewal(Request r) {
        Request w = lastWritten;
        return w != null && state.fault() == null && w.setpointW() == r.setpointW() && w.validFor().equals(r.validFor())
                && r.at().isBefore(w.at().plus(w.validFor().dividedBy(2)));
    }

    /**
     * Keeps only the newest request and hands the bus one job to write it. A bus that is stopped or restarted drops
     * its queued jobs: with the job gone and a request still pending, no job would ever be handed over again and the
     * battery would hold its last set-point until its revert timer ran out, whatever the loop asked (a BatteryIT run
     * showed it). So a job is handed over again when the last one has not run for {@link #RESUBMIT_AFTER}; an extra
     * job finds nothing pending and does nothing.
     */
    private void enqueue(Request r) {
        Request before = pending.getAndSet(r);
        Instant now = clock.instant();
        if (before == null || now.isAfter(submittedAt.plus(RESUBMIT_AFTER))) {
            submittedAt = now;
            bus.submit(this::write);
        }
    }

    /** On the bus thread. */
    private void write(RegisterClient client) {
        Request r = pending.getAndSet(null);
        if (r == null) return;
        try {
            if (r.release()) {
                lastWritten = null;
                writer.release(client);
                state = state(0, null, null, null);
            } else {
                int revertS = (int) Math.max(1, (r.validFor().toMillis() + 999) / 1000);
                deviceMaxW = writer.write(client, r.setpointW(), revertS);
                double written = Math.max(-deviceMaxW, Math.min(deviceMaxW, r.setpointW()));
                state = state(written, r.at().plus(r.validFor()), r.source(), null);
                lastWritten = r;
            }
            if (state.fault() == null && previousFault != null) LOG.info("battery '{}': writes work again", settings.batteryId());
            previousFault = null;
        } catch (ReadFailure e) {
            if (!e.getMessage().equals(previousFault))
                LOG.warn("battery '{}': set-point not written: {}", settings.batteryId(), e.getMessage());
            previousFault = e.getMessage();
            BatteryControlState s = state;
            // whichever step failed (reading the model's scaling again, or the write itself), what the installer
            // must read on /status is that the set-point did not reach the battery
            state = new BatteryControlState(s.batteryId(), s.maxChargeW(), s.maxDischargeW(), s.exportAllowed(),
                    s.setpointW(), s.validUntil(), s.source(), "set-point not written: " + e.getMessage());
        }
    }

    private String previousFault;

    private BatteryControlState state(double setpointW, Instant until, String source, String fault) {
        SetpointLimits l = limits();
        return new BatteryControlState(settings.batteryId(), l.maxChargeW(), l.maxDischargeW(), settings.exportAllowed(),
                setpointW, until, source, fault);
    }
}
