package org.microsmartgrid.api.control;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Service: the control loop's last decision. Registered by the component that runs the balancing loop, only while it
 * runs (it needs its configuration first); consumers track it as an optional, dynamic reference.
 */
@ProviderType
public interface ControlLoopStatus {

    /** The last cycle's decision; empty before the first cycle. */
    Optional<LoopDecision> lastDecision();
}
