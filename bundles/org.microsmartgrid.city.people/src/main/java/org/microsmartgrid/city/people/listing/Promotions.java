package org.microsmartgrid.city.people.listing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.microsmartgrid.city.people.account.Account;
import org.microsmartgrid.city.people.store.Db;
import org.microsmartgrid.city.people.web.ApiError;

/**
 * Promotions a business attaches to a point it offers (an approved listing of its own or a module point it
 * claimed): a short text valid for a period of at most {@value #MAX_DAYS} days, shown with the point while valid.
 * Businesses are accounts an operator granted the role, so a promotion is public at once; a moderator can remove it
 * (audited).
 */
public final class Promotions {

    public enum Status { ACTIVE, WITHDRAWN, REMOVED }

    public record Promotion(String id, String pointId, String ownerId, String text, long validFrom, long validUntil,
                            Status status, long created, Integer pointsCost) {
    }

    static final int MAX_DAYS = 90;
    static final int MAX_ACTIVE_PER_POINT = 3;
    private static final String COLUMNS = "id, point_id, owner_id, text, valid_from, valid_until, status, created, points_cost";

    private final Db db;
    private final Listings listings;
    private final Claims claims;
    private final AuditLog audit;
    private final Clock clock;

    public Promotions(Db db, Listings listings, Claims claims, AuditLog audit, Clock clock) {
        this.db = db;
        this.listings = listings;
        this.claims = claims;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param pointsCost what a driver pays in points for it, or null when it is not paid with points */
    public Promotion add(Account business, String pointId, String text, long from, long until, Integer pointsCost) {
        boolean listed = listings.get(pointId).filter(l -> business.id().equals(l.ownerId())
                && l.status() == Enums.Status.APPROVED).isPresent();
        if (!listed && !claims.owns(business, pointId))
            throw ApiError.notFound("nessun punto tuo e pubblico con questo id / no public point of yours with this id");
        long now = clock.millis();
        if (until <= from) throw ApiError.badRequest("valid_until: dopo valid_from / after valid_from");
        if (until <= now) throw ApiError.badRequest("valid_until: nel futuro / in the future");
        if (until - from > Duration.ofDays(MAX_DAYS).toMillis())
            throw ApiError.badRequest("al massimo " + MAX_DAYS + " giorni / at most " + MAX_DAYS + " days");
        if (db.count("SELECT COUNT(*) FROM promotion WHERE point_id = ? AND status = 'ACTIVE' AND valid_until > ?", pointId, now)
                >= MAX_ACTIVE_PER_POINT)
            throw ApiError.conflict("al massimo " + MAX_ACTIVE_PER_POINT + " promozioni per punto / at most "
                    + MAX_ACTIVE_PER_POINT + " promotions per point");
        String id = UUID.randomUUID().toString();
        db.update("INSERT INTO promotion (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)", id, pointId,
                business.id(), text, from, until, now, pointsCost);
        return new Promotion(id, pointId, business.id(), text, from, until, Status.ACTIVE, now, pointsCost);
    }

    /** What the public sees with the point: active promotions valid now. */
    public List<Promotion> current(String pointId) {
        long now = clock.millis();
        return db.list("SELECT " + COLUMNS + " FROM promotion WHERE point_id = ? AND status = 'ACTIVE' AND valid_from <= ? "
                + "AND valid_until > ? ORDER BY valid_until", Promotions::read, pointId, now, now);
    }

    public List<Promotion> ofOwner(String accountId) {
        return db.list("SELECT " + COLUMNS + " FROM promotion WHERE owner_id = ? ORDER BY created", Promotions::read, accountId);
    }

    public void withdraw(Account owner, String id) {
        if (db.update("UPDATE promotion SET status = 'WITHDRAWN' WHERE id = ? AND owner_id = ? AND status = 'ACTIVE'",
                id, owner.id()) != 1)
            throw ApiError.notFound("nessuna promozione tua attiva / no active promotion of yours");
    }

    public void remove(Account moderator, String id, String reason) {
        if (db.update("UPDATE promotion SET status = 'REMOVED' WHERE id = ? AND status = 'ACTIVE'", id) != 1)
            throw ApiError.notFound("nessuna promozione attiva / no such active promotion");
        audit.record(moderator.id(), "PROMOTION_REMOVED", "promotion:" + id, reason);
    }

    static Promotion read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Promotion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getLong(6), Status.valueOf(rs.getString(7)), rs.getLong(8), (Integer) rs.getObject(9));
    }
}
