package org.microsmartgrid.api.relay;

import java.time.Instant;

/**
 * What a relay is doing, as read back from the hardware.
 *
 * @param relayId      configured id
 * @param socket       the socket it feeds (1..n)
 * @param wantedOn     the state last asked for (after lease expiry, OFF)
 * @param outputOn     the state of the output pin, read back from the GPIO chip
 * @param feedbackOn   the contactor's auxiliary contact, or null when no feedback input is wired
 * @param fault        null when healthy; otherwise why the relay cannot be trusted (e.g. stuck contact)
 * @param since        when the output last changed
 * @param source       who caused the last change
 * @param leaseUntil   when the current ON runs out unless renewed; null when OFF
 */
public record RelayState(String relayId, int socket, boolean wantedOn, boolean outputOn, Boolean feedbackOn,
                         String fault, Instant since, String source, Instant leaseUntil) {

    /** The contactor is closed as far as we can tell: feedback when wired, the output otherwise. */
    public boolean closed() {
        return feedbackOn != null ? feedbackOn : outputOn;
    }
}
