package org.microsmartgrid.api.gpio;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told every change of a claimed input, for protocols whose pulses are too short to poll (a Wiegand keypad's 50 µs
 * bits). Called on the chip's event thread: return quickly.
 */
@ConsumerType
@FunctionalInterface
public interface EdgeListener {

    /**
     * @param active the input's new logical level (polarity applied)
     * @param nanos  {@link System#nanoTime()} when the change was seen: monotonic, for measuring gaps between edges
     */
    void changed(boolean active, long nanos);
}
