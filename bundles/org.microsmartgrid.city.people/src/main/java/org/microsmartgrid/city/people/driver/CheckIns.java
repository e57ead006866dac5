package org.microsmartgrid.city.people.driver;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.microsmartgrid.city.people.account.Account;
import org.microsmartgrid.city.people.account.RateLimiter;
import org.microsmartgrid.city.people.store.Db;
import org.microsmartgrid.city.people.web.ApiError;

/** A driver says whether charging worked at a point (and why not). Limited per account and per point. */
public final class CheckIns {

    public enum Outcome { CHARGED, FAILED }

    public enum Reason { NO_POWER, OCCUPIED, BROKEN, NOT_ACCESSIBLE, WRONG_CONNECTOR, CLOSED, OTHER }

    public record CheckIn(String id, String pointId, Outcome outcome, Reason reason, String comment, long at) {
    }

    static final Duration SAME_POINT_GAP = Duration.ofMinutes(10);
    private final Db db;
    private final Points points;
    private final Clock clock;
    private final RateLimiter perDay = new RateLimiter(20, Duration.ofDays(1));

    public CheckIns(Db db, Points points, Clock clock) {
        this.db = db;
        this.points = points;
        this.clock = clock;
    }

    public CheckIn add(Account a, String pointId, Outcome outcome, Reason reason, String comment) {
        points.publicPoint(pointId);
        if (outcome == Outcome.FAILED && reason == null)
            throw ApiError.badRequest("reason: obbligatorio se non si è caricato / required when charging failed");
        if (outcome == Outcome.CHARGED && reason != null)
            throw ApiError.badRequest("reason: solo se non si è caricato / only when charging failed");
        long now = clock.millis();
        if (db.count("SELECT COUNT(*) FROM checkin WHERE author_id = ? AND point_id = ? AND at > ?", a.id(), pointId,
                now - SAME_POINT_GAP.toMillis()) > 0)
            throw ApiError.tooMany("già segnalato qui da poco / already checked in here a moment ago");
        if (!perDay.tryAcquire(a.id(), clock.instant()))
            throw ApiError.tooMany("troppi check-in oggi / too many check-ins today");
        String id = UUID.randomUUID().toString();
        db.update("INSERT INTO checkin (id, point_id, author_id, outcome, reason, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, pointId, a.id(), outcome.name(), reason == null ? null : reason.name(), comment, now);
        return new CheckIn(id, pointId, outcome, reason, comment, now);
    }

    public List<CheckIn> ofAuthor(String accountId) {
        return db.list("SELECT id, point_id, outcome, reason, comment, at FROM checkin WHERE author_id = ? ORDER BY at",
                rs -> new CheckIn(rs.getString(1), rs.getString(2), Outcome.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : Reason.valueOf(rs.getString(4)), rs.getString(5), rs.getLong(6)),
                accountId);
    }

    /** Whether the account tried to charge at the point in the last days (only they may rate it). */
    boolean triedRecently(String accountId, String pointId, Duration within) {
        return db.count("SELECT COUNT(*) FROM checkin WHERE author_id = ? AND point_id = ? AND at > ?", accountId,
                pointId, clock.millis() - within.toMillis()) > 0;
    }
}
