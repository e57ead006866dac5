package org.microsmartgrid.api.relay;

import org.osgi.annotation.versioning.ProviderType;

/** A socket relay (contactor) the module switches. Off at start, at stop, and when its lease runs out. */
@ProviderType
public interface Relay {
    String id();

    /** The socket this relay feeds, 1..n. */
    int socket();

    RelayState state();

    /** Asks for a state; the answer says whether it was applied, deferred by anti-chatter times, or refused. */
    RelayResult command(RelayCommand command);
}
