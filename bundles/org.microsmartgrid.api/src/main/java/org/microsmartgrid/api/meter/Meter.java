package org.microsmartgrid.api.meter;

import org.osgi.annotation.versioning.ProviderType;

/** An energy meter of the site, whatever bus or protocol it is read over. */
@ProviderType
public interface Meter {
    /** The configured id, unique on the module. */
    String id();

    MeterRole role();

    /** The socket this meter measures (1..n) for {@link MeterRole#SOCKET}, 0 for other roles. */
    int socket();

    /** The latest reading; never null. */
    MeterReading reading();
}
