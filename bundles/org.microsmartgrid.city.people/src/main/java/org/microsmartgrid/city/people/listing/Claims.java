package org.microsmartgrid.city.people.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.microsmartgrid.city.ingest.ClaimHashes;
import org.microsmartgrid.city.people.account.Account;
import org.microsmartgrid.city.people.account.LoginThrottle;
import org.microsmartgrid.city.people.account.Secrets;
import org.microsmartgrid.city.people.account.TypedCodes;
import org.microsmartgrid.city.people.store.Db;
import org.microsmartgrid.city.people.web.ApiError;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claiming a point that a module reports, with a one-time code of 125 random bits that only its SHA-256 reaches the
 * database of. Two kinds, entered the same way:
 * <ul>
 * <li>the module's own code, which its installer's console shows: the module publishes only its hash over its
 * authenticated link ({@link ClaimHashes}, bound to the module whose topic carried it); valid until it claims a point
 * or the module makes a new one; spent for good once it has claimed ({@code module_code_spent});</li>
 * <li>an operator's code for a module the registry knows (handed over by the installer): valid
 * {@value #VALID_DAYS} days, used once.</li>
 * </ul>
 * A provider who enters either becomes the point's owner; a claim moves an ownership (whoever has the module in hand,
 * or the operator, has the last word), a new code alone moves nothing. Wrong codes are throttled per account like
 * passwords, so guessing is hopeless (2^125 codes) and cheap for the server to refuse.
 */
public final class Claims {

    private static final Logger LOG = LoggerFactory.getLogger(Claims.class);
    static final int VALID_DAYS = 30;
    /** Crockford's base32: no I, L, O, U (nothing to misread when typing the code from a sticker). */

    public record Issued(String code, String locationId, long expires) {
    }

    public record Owned(String locationId, long since) {
    }

    private final Db db;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;
    private final ClaimHashes modules;
    private final LoginThrottle wrongCodes = new LoginThrottle(5, Duration.ofSeconds(30), Duration.ofMinutes(15));

    /** Without module codes (only an operator's codes claim). */
    public Claims(Db db, Registry registry, AuditLog audit, Clock clock) {
        this(db, registry, audit, clock, hash -> List.of());
    }

    /** @param modules which module publishes which claim hash (the city's ingest) */
    public Claims(Db db, Registry registry, AuditLog audit, Clock clock, ClaimHashes modules) {
        this.modules = modules;
        this.db = db;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    public Issued issue(Account operator, String account, String clientId) {
        Location l = registry.locationOfModule(account, clientId)
                .orElseThrow(() -> ApiError.notFound("nessun modulo registrato con questo account e client id / "
                        + "no module registered with this account and client id"));
        String code = newCode();
        long now = clock.millis();
        long expires = now + Duration.ofDays(VALID_DAYS).toMillis();
        db.update("INSERT INTO claim_code (code_hash, location_id, created, expires) VALUES (?, ?, ?, ?)",
                Secrets.digest(TypedCodes.normalise(code)), l.id(), now, expires);
        audit.record(operator.id(), "CLAIM_CODE_ISSUED", "location:" + l.id(), null);
        return new Issued(code, l.id(), expires);
    }

    public Owned claim(Account provider, String codeText) {
        Instant now = clock.instant();
        String key = provider.id();
        java.util.Optional<java.time.Duration> wait = wrongCodes.waitFor(key, now);
        if (wait.isPresent())
            throw ApiError.tooMany("troppi codici errati, riprovare più tardi / too many wrong codes, try again later", wait.get());
        String code = codeText == null ? "" : TypedCodes.normalise(codeText);
        String hash = Secrets.digest(code);
        String location;
        try {
            location = db.tx(c -> {
                var row = Db.one(c, "SELECT location_id FROM claim_code WHERE code_hash = ? AND used_by IS NULL AND expires > ?",
                        rs -> rs.getString(1), hash, now.toEpochMilli());
                String point;
                if (row.isPresent()) {
                    // used once: the UPDATE only succeeds for the first of two simultaneous claims
                    if (Db.update(c, "UPDATE claim_code SET used_by = ?, used_at = ? WHERE code_hash = ? AND used_by IS NULL",
                            provider.id(), now.toEpochMilli(), hash) != 1) return null;
                    point = row.get();
                } else {
                    point = spendModuleCode(c, hash, now.toEpochMilli());
                    if (point == null) return null;
                }
                Db.update(c, "DELETE FROM point_owner WHERE location_id = ?", point);
                Db.update(c, "INSERT INTO point_owner (location_id, account_id, since) VALUES (?, ?, ?)", point,
                        provider.id(), now.toEpochMilli());
                return point;
            });
        } catch (Db.Failure e) {
            if (!e.duplicate()) throw e;
            location = null; // two claims with one module code at once: the other one spent it
        }
        if (location == null) {
            wrongCodes.failed(key, now);
            throw ApiError.badRequest("codice non valido, scaduto o già usato / invalid, expired or used code");
        }
        wrongCodes.succeeded(key);
        audit.record(provider.id(), "MODULE_CLAIMED", "location:" + location, null);
        LOG.info("point {} claimed by account {}", location, provider.id());
        return new Owned(location, now.toEpochMilli());
    }

    /**
     * The module whose latest claim hash this is, if exactly one module publishes it and the code never claimed
     * before: spent now (the primary key lets only the first of two simultaneous claims insert it).
     *
     * @return the module's point, or null
     */
    private String spendModuleCode(java.sql.Connection c, String hash, long now) throws java.sql.SQLException {
        List<ClaimHashes.Published> publishing = modules.publishing(hash);
        // two modules with one hash: one copied the other's (it never saw the code): neither is claimed with it
        if (publishing.size() != 1) return null;
        ClaimHashes.Published m = publishing.get(0);
        if (Db.one(c, "SELECT 1 FROM module_code_spent WHERE code_hash = ?", rs -> 1, hash).isPresent()) return null;
        var point = registry.locationOfModule(m.account(), m.clientId());
        if (point.isEmpty()) return null;
        Db.update(c, "INSERT INTO module_code_spent (code_hash, account, client_id, spent_at) VALUES (?, ?, ?, ?)",
                hash, m.account(), m.clientId(), now);
        return point.get().id();
    }

    public List<Owned> of(String accountId) {
        return db.list("SELECT location_id, since FROM point_owner WHERE account_id = ? ORDER BY since",
                rs -> new Owned(rs.getString(1), rs.getLong(2)), accountId);
    }

    /**
     * The owner of a module's point says what it offers (vehicles, facilities, hours, price); the module still reports
     * its name, position, sockets and status. Someone else's point, or one nobody claimed: 404.
     */
    public Location details(Account owner, String locationId, org.microsmartgrid.city.registry.PointDetails details) {
        if (!owns(owner, locationId))
            throw ApiError.notFound("nessun punto tuo con questo id / no point of yours with this id");
        if (!registry.updateDetails(locationId, details, clock.millis()))
            throw ApiError.notFound("il punto non è più nel registro / the point is no longer in the registry");
        audit.record(owner.id(), "POINT_DETAILS_SET", "location:" + locationId, null);
        return registry.location(locationId).orElseThrow();
    }

    public boolean owns(Account a, String locationId) {
        return db.count("SELECT COUNT(*) FROM point_owner WHERE account_id = ? AND location_id = ?", a.id(), locationId) > 0;
    }

    /** 25 base32 characters in groups of five: 125 random bits. */
    static String newCode() {
        return TypedCodes.newCode(25);
    }

}
