package org.microsmartgrid.city.people.driver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.microsmartgrid.city.people.account.Account;
import org.microsmartgrid.city.people.account.LoginThrottle;
import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.city.people.account.Secrets;
import org.microsmartgrid.city.people.account.TypedCodes;
import org.microsmartgrid.city.people.listing.Claims;
import org.microsmartgrid.city.people.listing.Listings;
import org.microsmartgrid.city.people.store.Db;
import org.microsmartgrid.city.people.web.ApiError;

/**
 * Points and games (docs/people.md): drivers earn points for check-ins (a daily cap, since a check-in cannot prove
 * presence) and for fault reports the point's provider or a moderator confirms; they redeem them at businesses'
 * promotions with a one-time code only that business can verify; an opt-in leaderboard per neighbourhood shows
 * display names of those who chose to appear.
 */
public final class Rewards {

    public record Entry(int delta, String reason, String ref, long at) {
    }

    public record Redemption(String code, String promotionId, int cost, long expires) {
    }

    public record Ranked(String displayName, long points) {
    }

    static final int CHECKIN_POINTS = 2;
    static final int FAILED_CHECKIN_POINTS = 1;
    static final int CHECKIN_AWARDS_PER_DAY = 3;
    static final int FAULT_POINTS = 10;
    static final Duration CODE_VALID = Duration.ofHours(24);

    private final Db db;
    private final Listings listings;
    private final Claims claims;
    private final Clock clock;
    private final LoginThrottle wrongCodes = new LoginThrottle(10, Duration.ofSeconds(30), Duration.ofMinutes(15));

    public Rewards(Db db, Listings listings, Claims claims, Clock clock) {
        this.db = db;
        this.listings = listings;
        this.claims = claims;
        this.clock = clock;
    }

    /** Called after a check-in: points, up to the daily cap. */
    public void checkedIn(Account a, CheckIns.CheckIn c) {
        long since = clock.millis() - Duration.ofDays(1).toMillis();
        if (db.count("SELECT COUNT(*) FROM points_ledger WHERE account_id = ? AND reason = 'CHECKIN' AND at > ?", a.id(), since)
                >= CHECKIN_AWARDS_PER_DAY) return;
        credit(a.id(), c.outcome() == CheckIns.Outcome.CHARGED ? CHECKIN_POINTS : FAILED_CHECKIN_POINTS, "CHECKIN", "checkin:" + c.id());
    }

    /** The point's provider (its listing's owner or who claimed it) or a moderator confirms a fault report. */
    public void confirmFault(Account confirmer, String faultId) {
        var row = db.one("SELECT point_id, author_id, status FROM fault_report WHERE id = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, faultId)
                .orElseThrow(() -> ApiError.notFound("nessuna segnalazione / no such fault report"));
        String point = row[0];
        boolean owner = listings.get(point).filter(l -> confirmer.id().equals(l.ownerId())).isPresent()
                || claims.owns(confirmer, point);
        if (!owner && !confirmer.has(Role.MODERATOR))
            throw ApiError.notFound("nessuna segnalazione su un tuo punto / no fault report on a point of yours");
        if (confirmer.id().equals(row[1])) throw ApiError.forbidden("la propria segnalazione / one's own report");
        if (db.update("UPDATE fault_report SET status = 'CONFIRMED' WHERE id = ? AND status = 'OPEN'", faultId) != 1)
            throw ApiError.conflict("già confermata o chiusa / already confirmed or closed");
        if (row[1] != null) credit(row[1], FAULT_POINTS, "FAULT_CONFIRMED", "fault:" + faultId);
    }

    public long balance(String accountId) {
        return db.count("SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE account_id = ?", accountId);
    }

    /** The balance less what unexpired, unused codes have reserved. */
    public long available(String accountId) {
        return balance(accountId) - db.count("SELECT COALESCE(SUM(cost), 0) FROM redemption WHERE account_id = ? "
                + "AND used_at IS NULL AND expires > ?", accountId, clock.millis());
    }

    public List<Entry> history(String accountId) {
        return db.list("SELECT delta, reason, ref, at FROM points_ledger WHERE account_id = ? ORDER BY id",
                rs -> new Entry(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4)), accountId);
    }

    /** A one-time code for a promotion that costs points; the points are reserved for a day and spent when used. */
    public Redemption redeem(Account driver, String promotionId) {
        long now = clock.millis();
        Integer cost = db.one("SELECT points_cost FROM promotion WHERE id = ? AND status = 'ACTIVE' AND valid_from <= ? "
                + "AND valid_until > ?", rs -> (Integer) rs.getObject(1), promotionId, now, now)
                .orElseThrow(() -> ApiError.notFound("nessuna promozione valida / no valid promotion"));
        if (cost == null || cost <= 0) throw ApiError.conflict("questa promozione non si paga con punti / not paid with points");
        String code = newCode();
        long expires = now + CODE_VALID.toMillis();
        boolean ok = db.tx(c -> {
            // serialise this account's reservations: read the balance and reserve in one transaction
            Db.update(c, "UPDATE account SET roles = roles WHERE id = ?", driver.id());
            long balance = Db.one(c, "SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE account_id = ?",
                    rs -> rs.getLong(1), driver.id()).orElse(0L);
            long reserved = Db.one(c, "SELECT COALESCE(SUM(cost), 0) FROM redemption WHERE account_id = ? AND used_at IS NULL "
                    + "AND expires > ?", rs -> rs.getLong(1), driver.id(), now).orElse(0L);
            if (balance - reserved < cost) return false;
            Db.update(c, "INSERT INTO redemption (code_hash, promotion_id, account_id, cost, created, expires) VALUES (?, ?, ?, ?, ?, ?)",
                    Secrets.digest(TypedCodes.normalise(code)), promotionId, driver.id(), cost, now, expires);
            return true;
        });
        if (!ok) throw ApiError.conflict("punti insufficienti / not enough points");
        return new Redemption(code, promotionId, cost, expires);
    }

    /** The business checks a code at its counter: valid once, only for its own promotions. */
    public Redemption verify(Account business, String typed) {
        Instant now = clock.instant();
        java.util.Optional<java.time.Duration> wait = wrongCodes.attempt(business.id(), now);
        if (wait.isPresent())
            throw ApiError.tooMany("troppi codici errati, riprovare più tardi / too many wrong codes, try again later", wait.get());
        String hash = Secrets.digest(TypedCodes.normalise(typed == null ? "" : typed));
        Redemption r = db.tx(c -> {
            var row = Db.one(c, "SELECT r.promotion_id, r.account_id, r.cost, r.expires FROM redemption r JOIN promotion p "
                    + "ON p.id = r.promotion_id WHERE r.code_hash = ? AND p.owner_id = ? AND r.used_at IS NULL AND r.expires > ?",
                    rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)}, hash,
                    business.id(), now.toEpochMilli());
            if (row.isEmpty()) return null;
            if (Db.update(c, "UPDATE redemption SET used_at = ? WHERE code_hash = ? AND used_at IS NULL", now.toEpochMilli(), hash) != 1)
                return null;
            if (row.get()[1] != null)
                Db.update(c, "INSERT INTO points_ledger (account_id, delta, reason, ref, at) VALUES (?, ?, 'REDEEMED', ?, ?)",
                        row.get()[1], -(Integer) row.get()[2], "promotion:" + row.get()[0], now.toEpochMilli());
            return new Redemption(null, (String) row.get()[0], (Integer) row.get()[2], (Long) row.get()[3]);
        });
        if (r == null) throw ApiError.badRequest("codice non valido, scaduto o già usato / invalid, expired or used code");
        wrongCodes.succeeded(business.id());
        return r;
    }

    // ---- leaderboard -------------------------------------------------------------------------------------------

    /** Joins (neighbourhood) or leaves (null) the leaderboard: nobody appears there without choosing to. */
    public void leaderboard(Account a, String neighbourhood) {
        db.tx(c -> {
            Db.update(c, "DELETE FROM leaderboard_entry WHERE account_id = ?", a.id());
            if (neighbourhood != null)
                Db.update(c, "INSERT INTO leaderboard_entry (account_id, neighbourhood, since) VALUES (?, ?, ?)", a.id(),
                        neighbourhood.toLowerCase(Locale.ROOT), clock.millis());
            return null;
        });
    }

    /** The top 20 of a neighbourhood by points earned in the last 30 days (display names only). */
    public List<Ranked> top(String neighbourhood) {
        long since = clock.millis() - Duration.ofDays(30).toMillis();
        return db.list("SELECT a.display_name, COALESCE(SUM(CASE WHEN l.delta > 0 AND l.at > ? THEN l.delta ELSE 0 END), 0) AS pts "
                + "FROM leaderboard_entry e JOIN account a ON a.id = e.account_id LEFT JOIN points_ledger l ON l.account_id = e.account_id "
                + "WHERE e.neighbourhood = ? GROUP BY a.id, a.display_name ORDER BY pts DESC, a.display_name LIMIT 20",
                rs -> new Ranked(rs.getString(1), rs.getLong(2)), since, neighbourhood.toLowerCase(Locale.ROOT));
    }

    public String neighbourhoodOf(String accountId) {
        return db.one("SELECT neighbourhood FROM leaderboard_entry WHERE account_id = ?", rs -> rs.getString(1), accountId).orElse(null);
    }

    private void credit(String accountId, int delta, String reason, String ref) {
        db.update("INSERT INTO points_ledger (account_id, delta, reason, ref, at) VALUES (?, ?, ?, ?, ?)", accountId, delta,
                reason, ref, clock.millis());
    }

    /** 10 base32 characters (50 bits) as XXXXX-XXXXX; guessing is throttled and needs the business's own account. */
    static String newCode() {
        return TypedCodes.newCode(10);
    }

}
