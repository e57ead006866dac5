package org.microsmartgrid.api.cloud;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The module's own claim code (docs/people.md, "Claiming a module"): a secret the module made itself, shown only to
 * whoever has the module in hand (the installer's console), with which a provider claims the module's point in the
 * city. The module publishes only its SHA-256 over its authenticated cloud link (BIRTH metric {@code claim_hash},
 * docs/cloud-telemetry.md), never the code. Registered by the cloud link; read by the console.
 */
@ProviderType
public interface ModuleClaimCode {

    /** The current code, 25 characters of Crockford's base32 in groups of five ({@code 7K3QD-…}). */
    String code();

    /**
     * Makes a new code and tells the city its hash: the old code stops working. An ownership already claimed stays
     * until someone claims with the new code.
     *
     * @return the new code
     */
    String renew();
}
