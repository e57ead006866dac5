package org.microsmartgrid.city.people.driver;

import java.util.Optional;

import org.microsmartgrid.city.people.store.Db;

/**
 * A point's reputation (docs/people.md): a Bayesian average of its published ratings,
 * {@code score = (C·m + Σ ratings) / (C + n)} with prior mean m = {@value #PRIOR_MEAN} (the middle of the scale) and
 * weight C = {@value #PRIOR_WEIGHT} ratings: one enthusiastic or angry rating moves a new point little, many ratings
 * outweigh the prior. Reliability is the posterior mean of the chance that charging works under a uniform
 * Beta(1, 1) prior: {@code (charged + 1) / (check-ins + 2)}. Both are anonymous statistics: they survive the deletion
 * of the accounts that contributed.
 *
 * <p>A provider's reputation is the same formula over every published rating and check-in of the points it offers
 * (its approved listings and the module points it claimed): one prior for the whole provider, not one per point, so
 * that a provider with many unrated points is not pulled to the middle of the scale point by point.
 */
public final class Reputation {

    public static final double PRIOR_MEAN = 3.0;
    public static final int PRIOR_WEIGHT = 5;

    public record Score(int ratings, Double mean, double score, int checkins, int charged, double reliability) {
    }

    private final Db db;

    public Reputation(Db db) {
        this.db = db;
    }

    public Score of(String pointId) {
        long[] r = db.one("SELECT COUNT(*), COALESCE(SUM(rating), 0) FROM review WHERE point_id = ? AND status = 'PUBLISHED'",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, pointId).orElse(new long[2]);
        long[] c = db.one("SELECT COUNT(*), COALESCE(SUM(CASE WHEN outcome = 'CHARGED' THEN 1 ELSE 0 END), 0) FROM checkin WHERE point_id = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, pointId).orElse(new long[2]);
        return compute((int) r[0], r[1], (int) c[0], (int) c[1]);
    }

    /** A provider's reputation over the points it offers; {@code points} counts them. */
    public record ProviderScore(int points, Score score) {
    }

    /** The points an account offers: its approved listings and the module points it claimed. */
    private static final String POINTS_OF = "SELECT id FROM listing WHERE owner_id = ? AND status = 'APPROVED' "
            + "UNION SELECT location_id FROM point_owner WHERE account_id = ?";

    /** Who offers a point (an approved listing's owner, else a claimed module point's owner), if anyone. */
    public Optional<String> providerOf(String pointId) {
        Optional<String> owner = db.one("SELECT owner_id FROM listing WHERE id = ? AND status = 'APPROVED' "
                + "AND owner_id IS NOT NULL", rs -> rs.getString(1), pointId);
        return owner.isPresent() ? owner
                : db.one("SELECT account_id FROM point_owner WHERE location_id = ?", rs -> rs.getString(1), pointId);
    }

    public ProviderScore ofProvider(String accountId) {
        long points = db.one("SELECT COUNT(*) FROM (" + POINTS_OF + ") p", rs -> rs.getLong(1), accountId, accountId)
                .orElse(0L);
        long[] r = db.one("SELECT COUNT(*), COALESCE(SUM(rating), 0) FROM review WHERE status = 'PUBLISHED' AND point_id IN ("
                + POINTS_OF + ")", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, accountId, accountId).orElse(new long[2]);
        long[] c = db.one("SELECT COUNT(*), COALESCE(SUM(CASE WHEN outcome = 'CHARGED' THEN 1 ELSE 0 END), 0) FROM checkin "
                + "WHERE point_id IN (" + POINTS_OF + ")", rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                accountId, accountId).orElse(new long[2]);
        return new ProviderScore((int) points, compute((int) r[0], r[1], (int) c[0], (int) c[1]));
    }

    public static Score compute(int n, long sum, int checkins, int charged) {
        double score = (PRIOR_WEIGHT * PRIOR_MEAN + sum) / (PRIOR_WEIGHT + n);
        return new Score(n, n == 0 ? null : (double) sum / n, Math.round(score * 100) / 100.0, checkins, charged,
                Math.round((charged + 1.0) / (checkins + 2.0) * 1000) / 1000.0);
    }
}
