package org.microsmartgrid.city.people.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
 * Claiming a point that a module reports. An operator issues a one-time claim code for a module the registry knows
 * (the installer puts it in the module's box or hands it over): 125 random bits, shown once, stored only as
 * SHA-256, valid {@value #VALID_DAYS} days, used once. A provider who enters it becomes the point's owner (a new code
 * for the same module moves the ownership: the operator's word is final). Wrong codes are throttled per account like
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
    private final LoginThrottle wrongCodes = new LoginThrottle(5, Duration.ofSeconds(30), Duration.ofMinutes(15));

    public Claims(Db db, Registry registry, AuditLog audit, Clock clock) {
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
        String location = db.tx(c -> {
            var row = Db.one(c, "SELECT location_id FROM claim_code WHERE code_hash = ? AND used_by IS NULL AND expires > ?",
                    rs -> rs.getString(1), hash, now.toEpochMilli());
            if (row.isEmpty()) return null;
            // used once: the UPDATE only succeeds for the first of two simultaneous claims
            if (Db.update(c, "UPDATE claim_code SET used_by = ?, used_at = ? WHERE code_hash = ? AND used_by IS NULL",
                    provider.id(), now.toEpochMilli(), hash) != 1) return null;
            Db.update(c, "DELETE FROM point_owner WHERE location_id = ?", row.get());
            Db.update(c, "INSERT INTO point_owner (location_id, account_id, since) VALUES (?, ?, ?)", row.get(),
                    provider.id(), now.toEpochMilli());
            return row.get();
        });
        if (location == null) {
            wrongCodes.failed(key, now);
            throw ApiError.badRequest("codice non valido, scaduto o già usato / invalid, expired or used code");
        }
        wrongCodes.succeeded(key);
        audit.record(provider.id(), "MODULE_CLAIMED", "location:" + location, null);
        LOG.info("point {} claimed by account {}", location, provider.id());
        return new Owned(location, now.toEpochMilli());
    }

    public List<Owned> of(String accountId) {
        return db.list("SELECT location_id, since FROM point_owner WHERE account_id = ? ORDER BY since",
                rs -> new Owned(rs.getString(1), rs.getLong(2)), accountId);
    }

    public boolean owns(Account a, String locationId) {
        return db.count("SELECT COUNT(*) FROM point_owner WHERE account_id = ? AND location_id = ?", a.id(), locationId) > 0;
    }

    /** 25 base32 characters in groups of five: 125 random bits. */
    static String newCode() {
        return TypedCodes.newCode(25);
    }

}
