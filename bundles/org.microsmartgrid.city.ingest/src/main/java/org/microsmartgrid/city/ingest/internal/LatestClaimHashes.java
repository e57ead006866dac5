package org.microsmartgrid.city.ingest.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.microsmartgrid.city.ingest.ClaimHashes;

/**
 * The latest claim hash of each module, from its BIRTH and APPS: one entry per module (the broker admits only modules
 * with credentials), the newest capture time wins (a late BIRTH does not bring an old code back). In memory: every
 * module sends BIRTH again when it reconnects, and the spent ones are people and power's to remember.
 */
final class LatestClaimHashes implements ClaimHashes {

    static final String METRIC = "claim_hash";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Map<String, Published> byModule = new ConcurrentHashMap<>();

    /** A BIRTH or APPS was accepted: takes its {@code claim_hash}, if any and well-formed. */
    void birth(String account, String clientId, Map<String, Object> metrics, long capturedAt) {
        Object v = metrics.get(METRIC);
        if (v == null) return;
        if (!(v instanceof String hash) || !SHA256.matcher(hash).matches()) {
            org.slf4j.LoggerFactory.getLogger(LatestClaimHashes.class)
                    .warn("module {}/{}: claim_hash is not 64 lower-case hex digits, ignored", account, clientId);
            return;
        }
        byModule.merge(account + "/" + clientId, new Published(account, clientId, hash, capturedAt),
                (old, now) -> now.capturedAt() >= old.capturedAt() ? now : old);
    }

    @Override
    public List<Published> publishing(String sha256) {
        return byModule.values().stream().filter(p -> p.sha256().equals(sha256)).toList();
    }
}
