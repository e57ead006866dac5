package org.microsmartgrid.city.ingest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.ingest.ClaimHashes.Published;
import org.microsmartgrid.city.registry.store.JdbcRegistry;
import org.microsmartgrid.city.registry.store.TestDatabases;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

/** The claim hash a module publishes in BIRTH / APPS, bound to the module whose topic carried it. */
class ClaimHashesTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private final Ingest ingest = new Ingest(new JdbcRegistry(TestDatabases.fresh(), l -> { }), 1000, 64 * 1024, 1000,
            Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    @AfterEach
    void stop() throws InterruptedException {
        ingest.close();
    }

    static byte[] birth(long at, Object claimHash) {
        Map<String, Object> m = new LinkedHashMap<>(Map.of("display_name", "Biblioteca Sormani"));
        if (claimHash != null) m.put("claim_hash", claimHash);
        return KuraPayloadCodec.encode(KuraMessage.of(at, m), false);
    }

    @Test
    void theHashBelongsToTheModuleWhoseTopicCarriedIt() {
        ingest.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 1000, A));
        ingest.handleNow("$EDC/milano/m2/MQTT/BIRTH", birth(NOW - 1000, B));
        assertEquals(List.of(new Published("milano", "m1", A, NOW - 1000)), ingest.publishing(A));
        assertEquals(List.of(new Published("milano", "m2", B, NOW - 1000)), ingest.publishing(B));
        assertEquals(List.of(), ingest.publishing("c".repeat(64)));
    }

    @Test
    void aNewCodeInAppsReplacesTheOldOneAndALateBirthDoesNotBringItBack() {
        ingest.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 10_000, A));
        ingest.handleNow("$EDC/milano/m1/MQTT/APPS", birth(NOW - 5_000, B));
        assertEquals(List.of(), ingest.publishing(A), "the old code stops working");
        assertEquals(1, ingest.publishing(B).size());
        ingest.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 8_000, A)); // delivered late
        assertEquals(List.of(), ingest.publishing(A));
        assertEquals(1, ingest.publishing(B).size());
    }

    @Test
    void aMalformedHashIsIgnoredAndTheBirthStillCounts() {
        ingest.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 1000, A));
        ingest.handleNow("$EDC/milano/m1/MQTT/APPS", birth(NOW - 500, "A".repeat(64)));
        ingest.handleNow("$EDC/milano/m1/MQTT/APPS", birth(NOW - 400, 42));
        assertEquals(1, ingest.publishing(A).size(), "the last good hash stays");
        assertEquals(3L, ingest.counters().get("applied") + ingest.counters().get("stale"));
        assertEquals(0L, ingest.counters().get("malformed"));
    }

    @Test
    void aRestartedCityStillKnowsTheHashOfAModuleThatSentNoNewBirth() throws InterruptedException {
        javax.sql.DataSource db = TestDatabases.fresh();
        Ingest before = new Ingest(new JdbcRegistry(db, l -> { }), 1000, 64 * 1024, 1000,
                Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
        before.handleNow("$EDC/milano/m1/MQTT/BIRTH", birth(NOW - 10_000, A));
        before.handleNow("$EDC/milano/m1/MQTT/APPS", birth(NOW - 5_000, B));
        before.close();

        // the module stays connected to Kapua's broker: the new runtime hears no BIRTH from it
        Ingest after = new Ingest(new JdbcRegistry(db, l -> { }), 1000, 64 * 1024, 1000,
                Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
        try {
            assertEquals(List.of(new Published("milano", "m1", B, NOW - 5_000)), after.publishing(B));
            assertEquals(List.of(), after.publishing(A), "the replaced code stays replaced");
            after.handleNow("$EDC/milano/m1/MQTT/APPS", birth(NOW - 1_000, A)); // a newer code, heard now
            assertEquals(List.of(), after.publishing(B));
            assertEquals(1, after.publishing(A).size());
        } finally {
            after.close();
        }
    }

    @Test
    void dataTopicsCarryNoClaimHash() {
        ingest.handleNow("milano/m1/msg/site", birth(NOW - 1000, A));
        assertEquals(List.of(), ingest.publishing(A), "only BIRTH and APPS, the module's lifecycle");
    }
}
