package org.microsmartgrid.status.health;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/** What the status page needs to know of one bundle, copied out of the framework so the mapping stays pure. */
public record BundleFacts(long id, String symbolicName, String version, int state, boolean fragment) {

    public static BundleFacts of(Bundle bundle) {
        // raw headers (locale ""): no localisation lookup, and Fragment-Host is what makes a fragment
        String host = bundle.getHeaders("").get(Constants.FRAGMENT_HOST);
        return new BundleFacts(bundle.getBundleId(), bundle.getSymbolicName(), String.valueOf(bundle.getVersion()),
                bundle.getState(), host != null);
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

    /** Fragments are never ACTIVE (they attach to a host), so only non-fragments are expected to be. */
    public boolean needsAttention() {
        return !fragment && state != Bundle.ACTIVE;
    }
}
