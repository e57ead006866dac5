package org.microsmartgrid.relay.gpio.chip;

/** A pin (or relay id) another owner already holds. */
public final class PinClaimedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public PinClaimedException(String message) {
        super(message);
    }
}
