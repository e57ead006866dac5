package org.microsmartgrid.api.control;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Service: the control loop's safety rules tried on the site as it is now, without switching anything. Registered by
 * the component that runs the loop. Each check runs the loop's own decision function on the live snapshot (meters,
 * relays, configuration) with one thing made to go wrong: an import over the limit, a lost grid meter, a lost socket
 * meter. Nothing is sent to any relay; the loop keeps running as before.
 */
@ProviderType
public interface LoopSelfTest {

    /** One tried rule. */
    record Check(String name, boolean passed, String detail) {}

    /** Runs every check on the live snapshot; never switches anything. */
    List<Check> dryRun();
}
