package org.microsmartgrid.api.meter;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: told of every new reading of every meter, right after the poll that produced it.
 * The balancing loop uses it to run a cycle on each fresh grid reading. Implementations must return quickly:
 * they are called on the bus's polling thread.
 */
@ConsumerType
public interface MeterListener {
    void onReading(MeterReading reading);
}
