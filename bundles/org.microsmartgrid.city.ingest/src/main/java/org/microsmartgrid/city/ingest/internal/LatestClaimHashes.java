package org.microsmartgrid.city.ingest.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.microsmartgrid.city.ingest.ClaimHashes;
import org.microsmartgrid.city.registry.ModuleClaimHash;
import org.microsmartgrid.city.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest claim hash of each module, from its BIRTH and APPS: one entry per module (the broker admits only modules
 * with credentials), the newest capture time wins (a late BIRTH does not bring an old code back). Kept in memory and
 * in the registry's module table: a restarted city runtime still knows the hash of a module that stays connected to
 * an external broker (Kapua's) and sends no new BIRTH. The spent codes are people and power's to remember.
 */
final class LatestClaimHashes implements ClaimHashes {
    private static final Logger LOG = LoggerFactory.getLogger(LatestClaimHashes.class);

    static final String METRIC = "claim_hash";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Registry registry;
    private final Map<String, Published> byModule = new ConcurrentHashMap<>();

    LatestClaimHashes(Registry registry) {
        this.registry = registry;
    }

    /** A BIRTH or APPS was accepted (its module is in the registry): takes its {@code claim_hash}, if any and well-formed. */
    void birth(String account, String clientId, Map<String, Object> metrics, long capturedAt) {
        Object v = metrics.get(METRIC);
        if (v == null) return;
        if (!(v instanceof String hash) || !SHA256.matcher(hash).matches()) {
            LOG.warn("module {}/{}: claim_hash is not 64 lower-case hex digits, ignored", account, clientId);
            return;
        }
        byModule.merge(key(account, clientId), new Published(account, clientId, hash, capturedAt),
                (old, now) -> now.capturedAt() >= old.capturedAt() ? now : old);
        try {
            registry.claimHash(new ModuleClaimHash(account, clientId, hash, capturedAt));
        } catch (RuntimeException e) {
            // kept in memory: claims work while this runtime runs; the module's next BIRTH stores it again
            LOG.warn("module {}/{}: claim hash not stored in the registry: {}", account, clientId, e.getMessage());
        }
    }

    /**
     * The modules whose latest known hash is this one: what this runtime heard, and what the registry kept from before
     * (unless this runtime has since heard a newer hash from that module).
     */
    @Override
    public List<Published> publishing(String sha256) {
        Map<String, Published> found = new HashMap<>();
        try {
            for (ModuleClaimHash h : registry.modulesWithClaimHash(sha256)) {
                Published heard = byModule.get(key(h.account(), h.clientId()));
                if (heard == null || heard.capturedAt() <= h.capturedAt())
                    found.put(key(h.account(), h.clientId()), new Published(h.account(), h.clientId(), sha256, h.capturedAt()));
            }
        } catch (RuntimeException e) {
            LOG.warn("claim hashes not read from the registry, answering from memory: {}", e.getMessage());
        }
        byModule.values().stream().filter(p -> p.sha256().equals(sha256)).forEach(p -> found.put(key(p.account(), p.clientId()), p));
        return List.copyOf(found.values());
    }

    private static String key(String account, String clientId) {
        return account + "/" + clientId;
    }
}
