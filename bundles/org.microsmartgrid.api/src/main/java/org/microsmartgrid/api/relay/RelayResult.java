package org.microsmartgrid.api.relay;

import java.time.Instant;

/**
 * The outcome of a {@link RelayCommand}.
 *
 * @param outcome   what happened
 * @param state     the relay's state after the command
 * @param notBefore for DEFERRED: the earliest time the change is allowed (minimum on/off time)
 * @param reason    human-readable detail for DEFERRED and REJECTED
 */
public record RelayResult(Outcome outcome, RelayState state, Instant notBefore, String reason) {
    public enum Outcome {
        /** The output now has the wanted state (or already had it; an ON lease was renewed). */
        APPLIED,
        /** Not applied yet: the minimum on/off time has not passed; ask again after notBefore. */
        DEFERRED,
        /** Refused: the relay is faulted or the command is not allowed. */
        REJECTED
    }

    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }
}
