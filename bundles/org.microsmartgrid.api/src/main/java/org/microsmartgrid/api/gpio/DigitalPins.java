package org.microsmartgrid.api.gpio;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The GPIO chip's pins, shared with the relays: a pin claimed by a relay, a door or an input cannot be claimed again
 * until its owner releases it. An owner is a configuration pid; the label ("door 'portone'") is what errors show.
 */
@ProviderType
public interface DigitalPins {

    /**
     * A pin setting: a BCM number ("17") or a channel name of the configured board ("CH2").
     *
     * @throws IllegalArgumentException naming the setting's problem
     */
    int resolve(String pinOrChannel);

    /**
     * Claims a pin as an output, created at its inactive level (the level it also goes to when released or when the
     * chip stops).
     *
     * @throws IllegalStateException when another owner (a relay, a door, an input) holds the pin
     */
    BinaryOutput claimOutput(String owner, String label, int bcm, boolean activeLow);

    /**
     * Claims a pin as an input, pulled towards its inactive level (a cut wire reads inactive).
     *
     * @throws IllegalStateException when another owner holds the pin
     */
    BinaryInput claimInput(String owner, String label, int bcm, boolean activeLow);

    /**
     * Claims a pin as an input like {@link #claimInput(String, String, int, boolean)}, with no debounce, and tells
     * {@code listener} every change: for short pulses (a Wiegand keypad's data lines).
     *
     * @throws IllegalStateException when another owner holds the pin
     */
    BinaryInput claimEdgeInput(String owner, String label, int bcm, boolean activeLow, EdgeListener listener);

    /** Frees the owner's pins; its outputs go to their inactive level. */
    void release(String owner);

    /** True once the module has begun to stop: outputs may only go inactive from then on. */
    boolean stopping();
}
