package org.microsmartgrid.city.people.driver;

import java.time.Clock;
import java.util.List;

import org.microsmartgrid.city.people.account.Account;
import org.microsmartgrid.city.people.store.Db;
import org.microsmartgrid.city.people.web.ApiError;

/** A driver's favourite points (private to them). */
public final class Favourites {

    static final int MAX = 200;
    private final Db db;
    private final Points points;
    private final Clock clock;

    public Favourites(Db db, Points points, Clock clock) {
        this.db = db;
        this.points = points;
        this.clock = clock;
    }

    public void add(Account a, String pointId) {
        points.publicPoint(pointId);
        if (db.count("SELECT COUNT(*) FROM favourite WHERE account_id = ? AND point_id = ?", a.id(), pointId) > 0) return;
        if (db.count("SELECT COUNT(*) FROM favourite WHERE account_id = ?", a.id()) >= MAX)
            throw ApiError.conflict("al massimo " + MAX + " preferiti / at most " + MAX + " favourites");
        db.update("INSERT INTO favourite (account_id, point_id, at) VALUES (?, ?, ?)", a.id(), pointId, clock.millis());
    }

    public void remove(Account a, String pointId) {
        db.update("DELETE FROM favourite WHERE account_id = ? AND point_id = ?", a.id(), pointId);
    }

    public List<String> of(String accountId) {
        return db.list("SELECT point_id FROM favourite WHERE account_id = ? ORDER BY at", rs -> rs.getString(1), accountId);
    }
}
