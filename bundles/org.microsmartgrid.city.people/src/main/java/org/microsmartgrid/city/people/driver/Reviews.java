package org.microsmartgrid.city.people.driver;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.microsmartgrid.city.people.account.Account;
import org.microsmartgrid.city.people.account.RateLimiter;
import org.microsmartgrid.city.people.listing.AuditLog;
import org.microsmartgrid.city.people.store.Db;
import org.microsmartgrid.city.people.web.ApiError;

/**
 * Ratings 1-5 with a comment. Only who checked in at the point in the last 7 days may rate it, once per point per 7
 * days (Chargemap's rule: ratings come from people who tried). A new account's first reviews are HELD until a
 * moderator publishes them; anyone may report a review, and {@value #HIDE_AFTER_REPORTS} open reports hold it until
 * a moderator decides.
 */
public final class Reviews {

    public enum Status { PUBLISHED, HELD, REMOVED }

    public record Review(String id, String pointId, String authorId, int rating, String comment, Status status, long at) {
    }

    public record Report(String id, String reviewId, String reason, long at) {
    }

    static final Duration WINDOW = Duration.ofDays(7);
    /** Reviews of an account held for moderation until this many were published... */
    static final int TRUSTED_AFTER = 3;
    /** ...and the account is at least this old. */
    static final Duration NEW_ACCOUNT = Duration.ofDays(7);
    static final int HIDE_AFTER_REPORTS = 3;
    private static final String COLUMNS = "id, point_id, author_id, rating, comment, status, at";

    private final Db db;
    private final Points points;
    private final CheckIns checkIns;
    private final AuditLog audit;
    private final Clock clock;
    private final RateLimiter perDay = new RateLimiter(10, Duration.ofDays(1));
    private final RateLimiter reportsPerDay = new RateLimiter(20, Duration.ofDays(1));

    public Reviews(Db db, Points points, CheckIns checkIns, AuditLog audit, Clock clock) {
        this.db = db;
        this.points = points;
        this.checkIns = checkIns;
        this.audit = audit;
        this.clock = clock;
    }

    public Review add(Account a, String pointId, int rating, String comment) {
        points.publicPoint(pointId);
        if (!checkIns.triedRecently(a.id(), pointId, WINDOW))
            throw ApiError.forbidden("si valuta un punto dopo averci provato (check-in negli ultimi 7 giorni) / "
                    + "rate a point after trying it (a check-in in the last 7 days)");
        long now = clock.millis();
        if (db.count("SELECT COUNT(*) FROM review WHERE author_id = ? AND point_id = ? AND at > ?", a.id(), pointId,
                now - WINDOW.toMillis()) > 0)
            throw ApiError.conflict("già valutato negli ultimi 7 giorni / already rated in the last 7 days");
        if (!perDay.tryAcquire(a.id(), clock.instant()))
            throw ApiError.tooMany("troppe valutazioni oggi / too many reviews today");
        long published = db.count("SELECT COUNT(*) FROM review WHERE author_id = ? AND status = 'PUBLISHED'", a.id());
        boolean trusted = published >= TRUSTED_AFTER && now - a.created() >= NEW_ACCOUNT.toMillis();
        Status status = trusted ? Status.PUBLISHED : Status.HELD;
        String id = UUID.randomUUID().toString();
        db.update("INSERT INTO review (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", id, pointId, a.id(), rating,
                comment, status.name(), now);
        return new Review(id, pointId, a.id(), rating, comment, status, now);
    }

    public List<Review> published(String pointId) {
        return db.list("SELECT " + COLUMNS + " FROM review WHERE point_id = ? AND status = 'PUBLISHED' ORDER BY at DESC",
                Reviews::read, pointId);
    }

    public List<Review> ofAuthor(String accountId) {
        return db.list("SELECT " + COLUMNS + " FROM review WHERE author_id = ? ORDER BY at", Reviews::read, accountId);
    }

    public Report report(Account reporter, String reviewId, String reason) {
        Review r = db.one("SELECT " + COLUMNS + " FROM review WHERE id = ? AND status = 'PUBLISHED'", Reviews::read, reviewId)
                .orElseThrow(() -> ApiError.notFound("nessuna recensione / no such review"));
        if (reporter.id().equals(r.authorId())) throw ApiError.forbidden("la propria recensione / one's own review");
        if (db.count("SELECT COUNT(*) FROM review_report WHERE review_id = ? AND reporter_id = ?", reviewId, reporter.id()) > 0)
            throw ApiError.conflict("già segnalata / already reported");
        if (!reportsPerDay.tryAcquire(reporter.id(), clock.instant()))
            throw ApiError.tooMany("troppe segnalazioni oggi / too many reports today");
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        db.tx(c -> {
            Db.update(c, "INSERT INTO review_report (id, review_id, reporter_id, reason, open, at) VALUES (?, ?, ?, ?, TRUE, ?)",
                    id, reviewId, reporter.id(), reason, now);
            long open = Db.one(c, "SELECT COUNT(*) FROM review_report WHERE review_id = ? AND open = TRUE",
                    rs -> rs.getLong(1), reviewId).orElse(0L);
            if (open >= HIDE_AFTER_REPORTS)
                Db.update(c, "UPDATE review SET status = 'HELD' WHERE id = ? AND status = 'PUBLISHED'", reviewId);
            return null;
        });
        return new Report(id, reviewId, reason, now);
    }

    public List<Report> reportsOf(String accountId) {
        return db.list("SELECT id, review_id, reason, at FROM review_report WHERE reporter_id = ? ORDER BY at",
                rs -> new Report(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)), accountId);
    }

    // ---- moderation --------------------------------------------------------------------------------------------

    /** Held reviews, and published ones with open reports. */
    public List<Review> queue() {
        return db.list("SELECT " + COLUMNS + " FROM review r WHERE status = 'HELD' OR (status = 'PUBLISHED' AND EXISTS "
                + "(SELECT 1 FROM review_report p WHERE p.review_id = r.id AND p.open = TRUE)) ORDER BY at", Reviews::read);
    }

    public List<Report> openReports(String reviewId) {
        return db.list("SELECT id, review_id, reason, at FROM review_report WHERE review_id = ? AND open = TRUE ORDER BY at",
                rs -> new Report(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)), reviewId);
    }

    public Review decide(Account moderator, String reviewId, boolean publish, String reason) {
        Review r = db.one("SELECT " + COLUMNS + " FROM review WHERE id = ?", Reviews::read, reviewId)
                .orElseThrow(() -> ApiError.notFound("nessuna recensione / no such review"));
        if (r.status() == Status.REMOVED) throw ApiError.conflict("già rimossa / already removed");
        if (moderator.id().equals(r.authorId())) throw ApiError.forbidden("la propria recensione / one's own review");
        Status s = publish ? Status.PUBLISHED : Status.REMOVED;
        db.tx(c -> {
            Db.update(c, "UPDATE review SET status = ? WHERE id = ?", s.name(), reviewId);
            Db.update(c, "UPDATE review_report SET open = FALSE WHERE review_id = ?", reviewId);
            return null;
        });
        audit.record(moderator.id(), publish ? "REVIEW_PUBLISHED" : "REVIEW_REMOVED", "review:" + reviewId, reason);
        return new Review(r.id(), r.pointId(), r.authorId(), r.rating(), r.comment(), s, r.at());
    }

    static Review read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Review(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                Status.valueOf(rs.getString(6)), rs.getLong(7));
    }
}
