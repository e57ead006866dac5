package org.microsmartgrid.city.ingest;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The claim hash each module published last (docs/people.md, "Claiming a module"): the BIRTH / APPS metric
 * {@code claim_hash}, hex SHA-256 of the claim code the module shows its installer (docs/cloud-telemetry.md). The
 * broker lets a module publish only under its own client id, so a hash is bound to the module that published it. Kept
 * by the ingest, which sees every message from the first one on; people and power asks it when a provider claims.
 */
@ProviderType
@FunctionalInterface
public interface ClaimHashes {

    /**
     * @param account    the module's account
     * @param clientId   the module's client id
     * @param sha256     lower-case hex SHA-256 of the module's claim code
     * @param capturedAt the BIRTH's capture time, epoch ms
     */
    record Published(String account, String clientId, String sha256, long capturedAt) {
    }

    /** The modules whose latest claim hash is this one (normally none or one), in no particular order. */
    List<Published> publishing(String sha256);
}
