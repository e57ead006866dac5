package org.microsmartgrid.api.meter;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A line (an RS-485 bus or a Modbus TCP gateway) that several meters share, one request at a time. Its capacity is
 * finite: at 9600 baud a read takes 20-30 ms, so a line holds about 40 requests per second for every meter on it.
 */
@ProviderType
public interface MeterBus {
    /** The configured bus id, unique on the module. */
    String id();

    /** How busy the line is and how fresh each meter on it is kept; never null. */
    BusUsage usage();
}
