package org.microsmartgrid.city.people.driver;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.microsmartgrid.city.people.account.Account;
import org.microsmartgrid.city.people.account.RateLimiter;
import org.microsmartgrid.city.people.store.Db;
import org.microsmartgrid.city.people.web.ApiError;

/** Fault reports on a point: seen by the point's provider, moderators and operators, never by the public. */
public final class Faults {

    public enum Kind { NO_POWER, DAMAGED, BLOCKED, UNSAFE, OTHER }

    public record Fault(String id, String pointId, Kind kind, String description, String status, long at) {
    }

    private final Db db;
    private final Points points;
    private final Clock clock;
    private final RateLimiter perDay = new RateLimiter(10, Duration.ofDays(1));
    private final java.util.function.BiConsumer<Fault, org.microsmartgrid.city.registry.Location> reported;

    /** @param reported told of every new report with its point (the city runtime makes an event of it) */
    public Faults(Db db, Points points, Clock clock,
                  java.util.function.BiConsumer<Fault, org.microsmartgrid.city.registry.Location> reported) {
        this.db = db;
        this.points = points;
        this.clock = clock;
        this.reported = reported;
    }

    public Fault report(Account a, String pointId, Kind kind, String description) {
        org.microsmartgrid.city.registry.Location point = points.publicPoint(pointId);
        if (kind == Kind.OTHER && description == null)
            throw ApiError.badRequest("description: obbligatoria per OTHER / required for OTHER");
        if (!perDay.tryAcquire(a.id(), clock.instant())) throw ApiError.tooMany("troppe segnalazioni oggi / too many reports today");
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        db.update("INSERT INTO fault_report (id, point_id, author_id, kind, description, status, at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?)",
                id, pointId, a.id(), kind.name(), description, now);
        Fault f = new Fault(id, pointId, kind, description, "OPEN", now);
        reported.accept(f, point);
        return f;
    }

    public List<Fault> ofPoint(String pointId) {
        return db.list("SELECT id, point_id, kind, description, status, at FROM fault_report WHERE point_id = ? ORDER BY at DESC",
                Faults::read, pointId);
    }

    public List<Fault> ofAuthor(String accountId) {
        return db.list("SELECT id, point_id, kind, description, status, at FROM fault_report WHERE author_id = ? ORDER BY at",
                Faults::read, accountId);
    }

    static Fault read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Fault(rs.getString(1), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getLong(6));
    }
}
