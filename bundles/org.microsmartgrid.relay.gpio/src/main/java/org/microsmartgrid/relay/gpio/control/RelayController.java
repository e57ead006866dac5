package org.microsmartgrid.relay.gpio.control;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.relay.RelayResult.Outcome;
import org.microsmartgrid.api.relay.RelayState;
import org.microsmartgrid.relay.gpio.config.RelaySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One relay's rules on top of its Pi4J pins: leases (dead-man switch), minimum on/off times (anti-chatter) and the
 * auxiliary-contact check. The output's state is always read back from Pi4J, never from a field.
 *
 * <p>Asymmetry on purpose: a deferred OFF is remembered and carried out when the minimum on-time has passed (OFF is
 * the safe direction), a deferred ON is not (a socket must never get power later without a fresh request).
 *
 * <p>Every method takes the time from the injected {@link Clock}; {@link #tick()} is called periodically.
 */
public final class RelayController {
    private static final Logger log = LoggerFactory.getLogger(RelayController.class);

    private record Timing(Duration minOn, Duration minOff, Duration settle) {}

    private final String relayId;
    private final int socket;
    private final DigitalOutput output;
    private final DigitalState onLevel;
    private final DigitalState offLevel;
    private final DigitalInput feedback;   // null when no auxiliary contact is wired
    private final DigitalState closedLevel;
    private final Clock clock;
    /** Why ON is refused for good (the module is stopping), or null. */
    private final Supplier<String> stopping;

    // guarded by this
    private Timing timing;
    private boolean wantedOn;
    private Instant lastSwitch;
    private String source;
    private Instant leaseUntil;
    private String leaseSource;
    private Instant pendingOffAt;
    private String pendingOffSource;
    private Instant settleUntil;           // contact not judged before; non-null only after a switch
    private String fault;

    /** A relay that is never told the module stops (tests of its own rules). */
    public RelayController(RelaySettings settings, DigitalOutput output, DigitalInput feedback, Clock clock) {
        this(settings, output, feedback, clock, () -> null);
    }

    /**
     * Drives the output to OFF at once: nothing may run before the relay is known to be OFF.
     *
     * @param stopping why ON is refused for good, or null while it is allowed (checked under this relay's lock, so an
     *                 ON in progress finishes before {@link #shutdown(String)} switches it OFF)
     */
    public RelayController(RelaySettings settings, DigitalOutput output, DigitalInput feedback, Clock clock,
            Supplier<String> stopping) {
        this.stopping = stopping;
        this.relayId = settings.relayId();
        this.socket = settings.socket();
        this.output = output;
        this.onLevel = settings.activeLow() ? DigitalState.LOW : DigitalState.HIGH;
        this.offLevel = settings.activeLow() ? DigitalState.HIGH : DigitalState.LOW;
        this.feedback = feedback;
        this.closedLevel = settings.feedbackActiveLow() ? DigitalState.LOW : DigitalState.HIGH;
        this.clock = clock;
        this.timing = new Timing(settings.minOn(), settings.minOff(), settings.feedbackSettle());
        output.state(offLevel);
        // Activation counts as a switch to OFF: a module that restarts in a loop must not chatter its contactors.
        Instant now = clock.instant();
        this.lastSwitch = now;
        this.source = "activation";
        if (feedback != null) settleUntil = now.plus(timing.settle());
        log.info("relay {} socket {}: OFF at activation (BCM {}{}{})", relayId, socket, settings.pin(),
                settings.activeLow() ? ", active-low" : "",
                feedback == null ? "" : ", feedback BCM " + settings.feedbackPin());
    }

    public synchronized RelayResult command(RelayCommand command) {
        Instant now = clock.instant();
        evaluate(now);
        return command.on() ? on(command, now) : off(command, now);
    }

    public synchronized RelayState state() {
        Instant now = clock.instant();
        evaluate(now);
        return snapshot();
    }

    /** The periodic check: lease expiry, a deferred OFF that is now due, the auxiliary contact. */
    public void tick() {
        try {
            synchronized (this) {
                evaluate(clock.instant());
            }
        } catch (RuntimeException e) {
            // keep the schedule alive: a failed OFF is retried on the next tick
            log.error("relay {} socket {}: periodic check failed: {}", relayId, socket, e.toString(), e);
        }
    }

    /** Minimum times and settle time apply from now on; the pins stay as they are. */
    public synchronized void updateTiming(RelaySettings settings) {
        timing = new Timing(settings.minOn(), settings.minOff(), settings.feedbackSettle());
    }

    /** Switches OFF for deactivation, whatever the minimum on-time. */
    public void shutdown() {
        shutdown("deactivation");
    }

    /** Switches OFF whatever the minimum on-time: deactivation, or the module stopping. */
    public synchronized void shutdown(String why) {
        wantedOn = false;
        if (outputOn()) switchTo(false, why, clock.instant());
    }

    private RelayResult on(RelayCommand command, Instant now) {
        String stop = stopping.get();
        if (stop != null) return result(Outcome.REJECTED, null, stop + ": relays stay OFF / arresto in corso");
        if (fault != null) return result(Outcome.REJECTED, null, "relay is faulted: " + fault);
        if (outputOn()) { // a renewal: the lease is what the latest command asked for; no pin write
            wantedOn = true;
            leaseUntil = now.plus(command.lease());
            leaseSource = command.source();
            pendingOffAt = null;
            pendingOffSource = null;
            return result(Outcome.APPLIED, null, null);
        }
        Instant notBefore = lastSwitch.plus(timing.minOff());
        if (now.isBefore(notBefore)) return result(Outcome.DEFERRED, notBefore,
                "minimum off-time: OFF since " + ItalianTime.of(lastSwitch) + ", ON allowed from "
                        + ItalianTime.of(notBefore) + " (" + ItalianTime.in(now, notBefore) + ")");
        if (!write(true, command.source(), now)) return result(Outcome.REJECTED, null, "GPIO write failed");
        wantedOn = true;
        leaseUntil = now.plus(command.lease());
        leaseSource = command.source();
        return result(Outcome.APPLIED, null, null);
    }

    private RelayResult off(RelayCommand command, Instant now) {
        wantedOn = false;
        if (!outputOn()) return result(Outcome.APPLIED, null, null);
        Instant notBefore = lastSwitch.plus(timing.minOn());
        if (!command.safety() && now.isBefore(notBefore)) {
            pendingOffAt = notBefore;
            pendingOffSource = command.source();
            return result(Outcome.DEFERRED, notBefore, "minimum on-time: ON since " + ItalianTime.of(lastSwitch)
                    + "; it switches OFF by itself at " + ItalianTime.of(notBefore) + " (" + ItalianTime.in(now, notBefore)
                    + ") unless an ON renews it before");
        }
        String source = command.safety() ? command.source() + " (safety)" : command.source();
        if (!write(false, source, now)) return result(Outcome.REJECTED, null, "GPIO write failed");
        return result(Outcome.APPLIED, null, null);
    }

    private void evaluate(Instant now) {
        if (outputOn()) {
            if (leaseUntil == null) {
                log.warn("relay {} socket {}: output found ON without an ON command (written by another Pi4J "
                        + "user?), switched OFF", relayId, socket);
                forceOff("no lease", now);
            } else if (!now.isBefore(leaseUntil)) {
                log.warn("relay {} socket {}: lease expired, switched OFF (lease until {}, last renewed by {})",
                        relayId, socket, leaseUntil, leaseSource);
                forceOff("lease expired", now);
            } else if (pendingOffAt != null && !now.isBefore(pendingOffAt)) {
                write(false, pendingOffSource + " (deferred OFF)", now);
            }
        } else {
            leaseUntil = null;
            pendingOffAt = null;
        }
        if (feedback != null) checkContact(now);
    }

    private void checkContact(Instant now) {
        if (settleUntil != null && now.isBefore(settleUntil)) return;
        boolean afterSwitch = settleUntil != null;
        settleUntil = null;
        boolean on = outputOn();
        boolean closed = contactClosed();
        String found = ContactCheck.fault(on, closed, afterSwitch);
        if (found == null) {
            if (fault != null) {
                log.info("relay {} socket {}: fault cleared, contact {} agrees with output {} (was: {})",
                        relayId, socket, closed ? "closed" : "open", onOff(on), fault);
                fault = null;
            }
            return;
        }
        if (fault != null) return; // already reported
        fault = found;
        log.error("relay {} socket {}: {} (output {}, contact {}); ON commands are refused until the contact agrees",
                relayId, socket, found, onOff(on), closed ? "closed" : "open");
        if (on) forceOff("fault: " + found, now);
    }

    /** An OFF that ignores the minimum on-time; if the write fails the next tick tries again. */
    private void forceOff(String source, Instant now) {
        wantedOn = false;
        write(false, source, now);
    }

    /** @return false when the write failed (already logged) */
    private boolean write(boolean on, String source, Instant now) {
        try {
            switchTo(on, source, now);
            return true;
        } catch (RuntimeException e) {
            log.error("relay {} socket {}: switching {} failed: {}", relayId, socket, onOff(on), e.toString(), e);
            return false;
        }
    }

    private void switchTo(boolean on, String source, Instant now) {
        boolean was = outputOn();
        output.state(on ? onLevel : offLevel);
        lastSwitch = now;
        this.source = source;
        if (!on) {
            leaseUntil = null;
            pendingOffAt = null;
            pendingOffSource = null;
        }
        if (feedback != null) settleUntil = now.plus(timing.settle());
        log.info("relay {} socket {}: {} -> {} ({})", relayId, socket, onOff(was), onOff(on), source);
    }

    private RelayResult result(Outcome outcome, Instant notBefore, String reason) {
        return new RelayResult(outcome, snapshot(), notBefore, reason);
    }

    private RelayState snapshot() {
        boolean on = outputOn();
        return new RelayState(relayId, socket, wantedOn, on, feedback == null ? null : contactClosed(), fault,
                lastSwitch, source, on ? leaseUntil : null);
    }

    private boolean outputOn() {
        return output.state() == onLevel;
    }

    private boolean contactClosed() {
        return feedback.state() == closedLevel;
    }

    private static String onOff(boolean on) {
        return on ? "ON" : "OFF";
    }
}
