package org.microsmartgrid.city.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.microsmartgrid.city.registry.Counted;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.ModuleClaimHash;
import org.microsmartgrid.city.registry.Registry;

/**
 * The registry's reads ({@link Registry}'s queries, answered by {@link JdbcRegistry}): locations one by one or a page
 * at a time, pages of what changed in a period with their totals in one snapshot, and counts. Portable SQL (H2 and
 * PostgreSQL).
 */
final class RegistryQueries {

    private final RegistryConnections connections;
    private final LocationReader reader = new LocationReader();

    RegistryQueries(RegistryConnections connections) {
        this.connections = connections;
    }

    public List<ModuleClaimHash> modulesWithClaimHash(String sha256) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT account, client_id, claim_hash_at FROM module "
                    + "WHERE claim_hash = ?")) {
                ps.setString(1, sha256);
                List<ModuleClaimHash> out = new ArrayList<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new ModuleClaimHash(rs.getString(1), rs.getString(2), sha256, rs.getLong(3)));
                }
                return out;
            }
        });
    }

    public Optional<Location> location(String id) {
        return read(c -> reader.read(c, "WHERE l.id = ?", id, 0, 1)).stream().findFirst();
    }

    public Optional<Location> locationOfModule(String account, String clientId) {
        return location(Ids.locationOf(account, clientId));
    }

    public List<Location> all() {
        return read(c -> reader.read(c, "", null, 0, Integer.MAX_VALUE));
    }

    public List<Location> page(int offset, int limit) {
        return read(c -> reader.read(c, "", null, offset, limit));
    }

    public int count() {
        return read(c -> single(c, "SELECT COUNT(*) FROM location"));
    }

    public Counted<Location> pageCounted(int offset, int limit) {
        return snapshot(c -> new Counted<>(reader.read(c, "", null, offset, limit),
                single(c, "SELECT COUNT(*) FROM location")));
    }

    public Counted<Location> pageChangedCounted(long from, long to, int offset, int limit) {
        if (from >= to) return new Counted<>(List.of(), 0);
        return snapshot(c -> new Counted<>(anyTime(from, to) ? reader.readWhere(c, PUBLISHABLE, List.of(), offset, limit)
                : reader.readWhere(c, CHANGED, List.of(from, to - 1), offset, limit), countChanged(c, from, to)));
    }

    /** {@link Registry#publishable} in portable SQL (H2 and PostgreSQL). */
    private static final String PUBLISHABLE = "WHERE l.latitude BETWEEN -90 AND 90 AND l.longitude BETWEEN -180 AND 180";
    /** ... and {@link Registry#changedAt} in [?, ?]: one look-up per location, so only when a time is asked for. */
    private static final String CHANGED = PUBLISHABLE + " AND GREATEST(l.last_updated, "
            + "COALESCE((SELECT MAX(e.status_at) FROM evse e WHERE e.location_id = l.id), 0)) BETWEEN ? AND ?";

    private static boolean anyTime(long from, long to) {
        return from == Long.MIN_VALUE && to == Long.MAX_VALUE;
    }

    public List<Location> pageChanged(long from, long to, int offset, int limit) {
        if (from >= to) return List.of();
        if (anyTime(from, to)) return read(c -> reader.readWhere(c, PUBLISHABLE, List.of(), offset, limit));
        return read(c -> reader.readWhere(c, CHANGED, List.of(from, to - 1), offset, limit));
    }

    public int countChanged(long from, long to) {
        if (from >= to) return 0;
        return read(c -> countChanged(c, from, to));
    }

    private static int countChanged(Connection c, long from, long to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM location l "
                + (anyTime(from, to) ? PUBLISHABLE : CHANGED))) {
            if (!anyTime(from, to)) {
                ps.setLong(1, from);
                ps.setLong(2, to - 1);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public int modulesOnline() {
        return read(c -> single(c, "SELECT COUNT(*) FROM module WHERE online = TRUE"));
    }

    public int sessions() {
        return read(c -> single(c, "SELECT COUNT(*) FROM charging_session"));
    }

    static int single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private <T> T read(RegistryConnections.Work<T> work) {
        return connections.read(work);
    }

    private <T> T snapshot(RegistryConnections.Work<T> work) {
        return connections.snapshot(work);
    }
}
