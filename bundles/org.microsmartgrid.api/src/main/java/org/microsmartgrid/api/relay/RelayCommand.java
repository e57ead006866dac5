package org.microsmartgrid.api.relay;

import java.time.Duration;

/**
 * A request to switch a socket relay.
 *
 * <p>Every ON is a lease: when it runs out and nobody renewed it, the relay falls back to OFF. The control loop
 * renews its commands every cycle, so a loop that dies leaves no socket powered (a dead-man switch); an installer's
 * manual ON during commissioning lasts as long as the lease it asked for.
 *
 * @param on      the wanted state
 * @param source  who asks (for the log and the status page), e.g. "balancer", "installer:anna"
 * @param lease   how long an ON holds without renewal; ignored for OFF
 * @param safety  an OFF for safety (overload, lost meter): honoured at once, even inside the minimum on-time
 */
public record RelayCommand(boolean on, String source, Duration lease, boolean safety) {
    public RelayCommand {
        if (source == null || source.isBlank()) throw new IllegalArgumentException("a relay command needs its source");
        if (on && (lease == null || lease.isNegative() || lease.isZero()))
            throw new IllegalArgumentException("an ON command needs a positive lease");
        if (on && safety) throw new IllegalArgumentException("only OFF can be a safety command");
    }

    public static RelayCommand on(String source, Duration lease) {
        return new RelayCommand(true, source, lease, false);
    }

    public static RelayCommand off(String source) {
        return new RelayCommand(false, source, Duration.ZERO, false);
    }

    public static RelayCommand safetyOff(String source) {
        return new RelayCommand(false, source, Duration.ZERO, true);
    }
}
