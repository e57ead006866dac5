package org.microsmartgrid.status.health;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * What the status page needs to know of one bundle, copied out of the framework so the mapping stays pure.
 *
 * @param lazy the bundle asks for lazy activation ({@code Bundle-ActivationPolicy: lazy}): it stays STARTING until
 *             a class of it is first loaded, which is normal (Paho waits so until the cloud link is configured)
 */
public record BundleFacts(long id, String symbolicName, String version, int state, boolean fragment, boolean lazy) {

    public BundleFacts(long id, String symbolicName, String version, int state, boolean fragment) {
        this(id, symbolicName, version, state, fragment, false);
    }

    public static BundleFacts of(Bundle bundle) {
        // raw headers (locale ""): no localisation lookup, and Fragment-Host is what makes a fragment
        String host = bundle.getHeaders("").get(Constants.FRAGMENT_HOST);
        String policy = bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY);
        boolean lazy = policy != null && policy.trim().startsWith(Constants.ACTIVATION_LAZY);
        return new BundleFacts(bundle.getBundleId(), bundle.getSymbolicName(), String.valueOf(bundle.getVersion()),
                bundle.getState(), host != null, lazy);
    }

    public String stateName() {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN(" + state + ")";
        };
    }

    /**
     * Fragments are never ACTIVE (they attach to a host), so only non-fragments are expected to be; a lazy bundle
     * waiting in STARTING for its first use is as it should be.
     */
    public boolean needsAttention() {
        return !fragment && state != Bundle.ACTIVE && !(lazy && state == Bundle.STARTING);
    }
}
