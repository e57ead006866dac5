package org.microsmartgrid.city.people.listing;

import java.time.Clock;
import java.util.List;

import org.microsmartgrid.city.people.store.Db;

/** Every moderation and staff decision, append-only: who (account id), what, on what, why. */
public final class AuditLog {

    public record Entry(long id, long at, String actorId, String action, String subject, String reason) {
    }

    private final Db db;
    private final Clock clock;

    public AuditLog(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void record(String actorId, String action, String subject, String reason) {
        db.update("INSERT INTO audit_log (at, actor_id, action, subject, reason) VALUES (?, ?, ?, ?, ?)",
                clock.millis(), actorId, action, subject, reason);
    }

    /** Newest first. */
    public List<Entry> recent(int limit, int offset) {
        return db.list("SELECT id, at, actor_id, action, subject, reason FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?",
                rs -> new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)), limit, offset);
    }

    public List<Entry> byActor(String actorId) {
        return db.list("SELECT id, at, actor_id, action, subject, reason FROM audit_log WHERE actor_id = ? ORDER BY id",
                rs -> new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)), actorId);
    }
}
