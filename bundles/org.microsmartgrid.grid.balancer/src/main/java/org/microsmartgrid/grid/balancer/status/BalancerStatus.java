package org.microsmartgrid.grid.balancer.status;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Service: the balancer's last decision. Registered by the balancer component. */
@ProviderType
public interface BalancerStatus {

    /** The last cycle's decision; empty before the first cycle. */
    Optional<DecisionView> lastDecision();
}
