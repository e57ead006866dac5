package org.microsmartgrid.city.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Counted;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.ModuleBirth;
import org.microsmartgrid.city.registry.ModuleClaimHash;
import org.microsmartgrid.city.registry.OperatorType;
import org.microsmartgrid.city.registry.PointDetails;
import org.microsmartgrid.city.registry.Registry;
import org.microsmartgrid.city.registry.SessionRecord;
import org.microsmartgrid.city.registry.SocketUpdate;
import org.microsmartgrid.city.registry.VehicleClass;
import org.microsmartgrid.city.registry.store.RegistryConnections.Batch;

/**
 * The registry on any JDBC database with the Flyway schema (portable SQL: H2 embedded, PostgreSQL shared by several
 * instances). Ordering by capture time is decided in the UPDATE's WHERE clause, so it holds even with several writers
 * on one database; two writers inserting the same new row are resolved by running the loser once more. This class
 * holds the writes; the reads are {@link RegistryQueries}, the transactions and batches {@link RegistryConnections}.
 */
public final class JdbcRegistry implements Registry {

    /** What a module's point serves until its provider says otherwise: light vehicles on a Schuko socket. */
    static final Set<VehicleClass> MODULE_DEFAULT_VEHICLES = EnumSet.of(VehicleClass.EBIKE, VehicleClass.SCOOTER,
            VehicleClass.MOPED, VehicleClass.MOBILITY_AID);

    private final RegistryConnections connections;
    private final RegistryQueries queries;
    private final Consumer<Location> changed;
    private final Consumer<String> othersTold;

    /** @param changed told of every location after a change (the search index) */
    public JdbcRegistry(DataSource db, Consumer<Location> changed) {
        this(db, changed, null);
    }

    /**
     * @param changed    told of every location after a change (the search index)
     * @param othersTold told the id of every location this instance changed, after the commit (other instances on
     *                   the same database: {@link RegistryChangeFeed})
     */
    public JdbcRegistry(DataSource db, Consumer<Location> changed, Consumer<String> othersTold) {
        this.connections = new RegistryConnections(db);
        this.queries = new RegistryQueries(connections);
        this.changed = changed;
        this.othersTold = othersTold;
    }

    @Override
    public boolean moduleBirth(ModuleBirth b) {
        String id = Ids.locationOf(b.account(), b.clientId());
        boolean applied = txRetryingOnConflict(c -> {
            Long birthAt = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT birth_at FROM module WHERE account = ? AND client_id = ?")) {
                ps.setString(1, b.account());
                ps.setString(2, b.clientId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) birthAt = rs.getLong(1);
                }
            }
            if (birthAt != null && birthAt > b.capturedAt()) return false; // an older BIRTH, delivered late
            if (birthAt == null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO location (id, name, latitude, longitude, "
                        + "operator_type, monitored, public_point, vehicle_classes, facilities, free_of_charge, last_updated) "
                        + "VALUES (?, ?, ?, ?, ?, TRUE, TRUE, ?, '', FALSE, ?)")) {
                    ps.setString(1, id);
                    ps.setString(2, b.displayName());
                    setDouble(ps, 3, b.latitude());
                    setDouble(ps, 4, b.longitude());
                    ps.setString(5, OperatorType.BUSINESS.name());
                    ps.setString(6, Sets.join(MODULE_DEFAULT_VEHICLES));
                    ps.setLong(7, b.capturedAt());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO module (account, client_id, location_id, "
                        + "display_name, serial_number, firmware_version, online, birth_at, last_heard) "
                        + "VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?)")) {
                    ps.setString(1, b.account());
                    ps.setString(2, b.clientId());
                    ps.setString(3, id);
                    ps.setString(4, b.displayName());
                    ps.setString(5, b.serialNumber());
                    ps.setString(6, b.firmwareVersion());
                    ps.setLong(7, b.capturedAt());
                    ps.setLong(8, b.capturedAt());
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("UPDATE location SET name = ?, latitude = ?, "
                        + "longitude = ?, last_updated = ? WHERE id = ?")) {
                    ps.setString(1, b.displayName());
                    setDouble(ps, 2, b.latitude());
                    setDouble(ps, 3, b.longitude());
                    ps.setLong(4, b.capturedAt());
                    ps.setString(5, id);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE module SET display_name = ?, serial_number = ?, "
                        + "firmware_version = ?, online = TRUE, birth_at = ?, last_heard = GREATEST(last_heard, ?) "
                        + "WHERE account = ? AND client_id = ?")) {
                    ps.setString(1, b.displayName());
                    ps.setString(2, b.serialNumber());
                    ps.setString(3, b.firmwareVersion());
                    ps.setLong(4, b.capturedAt());
                    ps.setLong(5, b.capturedAt());
                    ps.setString(6, b.account());
                    ps.setString(7, b.clientId());
                    ps.executeUpdate();
                }
            }
            for (int n = 1; n <= b.sockets(); n++) addSocketIfMissing(c, id, n, b.capturedAt());
            return true;
        });
        if (applied) notifyChanged(id);
        return applied;
    }

    private static void addSocketIfMissing(Connection c, String id, int n, long at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM evse WHERE location_id = ? AND socket = ?")) {
            ps.setString(1, id);
            ps.setInt(2, n);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO evse (location_id, socket, status, status_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setInt(2, n);
            ps.setString(3, EvseStatus.UNKNOWN.name());
            ps.setLong(4, 0L); // any real report is newer
            ps.executeUpdate();
        }
        Connector k = Connector.schuko();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO connector (location_id, socket, connector_id, "
                + "standard, format, power_type, max_voltage, max_amperage, max_power_w) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setInt(2, n);
            ps.setInt(3, k.id());
            ps.setString(4, k.standard());
            ps.setString(5, k.format());
            ps.setString(6, k.powerType());
            ps.setInt(7, k.maxVoltage());
            ps.setInt(8, k.maxAmperage());
            ps.setInt(9, k.maxPowerW());
            ps.executeUpdate();
        }
    }

    @Override
    public boolean moduleOffline(String account, String clientId, long at) {
        boolean applied = tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE module SET online = FALSE, offline_at = ? "
                    + "WHERE account = ? AND client_id = ? AND online = TRUE AND birth_at <= ?")) {
                ps.setLong(1, at);
                ps.setString(2, account);
                ps.setString(3, clientId);
                ps.setLong(4, at);
                if (ps.executeUpdate() != 1) return false;
            }
            // every socket's public status has just become UNKNOWN: the location changed (OCPI last_updated, which
            // partners page by with date_from, must move, or they would keep showing the sockets as available)
            try (PreparedStatement ps = c.prepareStatement("UPDATE location SET last_updated = GREATEST(last_updated, ?) "
                    + "WHERE id = ?")) {
                ps.setLong(1, at);
                ps.setString(2, Ids.locationOf(account, clientId));
                ps.executeUpdate();
            }
            return true;
        });
        if (applied) notifyChanged(Ids.locationOf(account, clientId));
        return applied;
    }

    @Override
    public boolean claimHash(ModuleClaimHash h) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE module SET claim_hash = ?, claim_hash_at = ? "
                    + "WHERE account = ? AND client_id = ? AND (claim_hash_at IS NULL OR claim_hash_at <= ?)")) {
                ps.setString(1, h.sha256());
                ps.setLong(2, h.capturedAt());
                ps.setString(3, h.account());
                ps.setString(4, h.clientId());
                ps.setLong(5, h.capturedAt());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void heard(String account, String clientId, long capturedAt) {
        Batch b = connections.batch();
        if (b != null) { // written once per module at the batch's end: the same GREATEST, fewer writes
            b.heard().merge(List.of(account, clientId), capturedAt, Math::max);
            return;
        }
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE module SET last_heard = GREATEST(last_heard, ?) "
                    + "WHERE account = ? AND client_id = ?")) {
                ps.setLong(1, capturedAt);
                ps.setString(2, account);
                ps.setString(3, clientId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean socketStatus(SocketUpdate u) {
        String id = Ids.locationOf(u.account(), u.clientId());
        boolean applied = txRetryingOnConflict(c -> {
            if (!moduleExists(c, u.account(), u.clientId())) return false; // no BIRTH yet: nothing to attach it to
            try (PreparedStatement ps = c.prepareStatement("UPDATE evse SET status = ?, status_at = ?, power_w = ? "
                    + "WHERE location_id = ? AND socket = ? AND status_at < ?")) {
                ps.setString(1, u.status().name());
                ps.setLong(2, u.capturedAt());
                setDouble(ps, 3, u.powerW());
                ps.setString(4, id);
                ps.setInt(5, u.socket());
                ps.setLong(6, u.capturedAt());
                if (ps.executeUpdate() == 1) return true;
            }
            // a socket the BIRTH did not count (or an older update): add it when missing, then try once more
            addSocketIfMissing(c, id, u.socket(), u.capturedAt());
            try (PreparedStatement ps = c.prepareStatement("UPDATE evse SET status = ?, status_at = ?, power_w = ? "
                    + "WHERE location_id = ? AND socket = ? AND status_at < ?")) {
                ps.setString(1, u.status().name());
                ps.setLong(2, u.capturedAt());
                setDouble(ps, 3, u.powerW());
                ps.setString(4, id);
                ps.setInt(5, u.socket());
                ps.setLong(6, u.capturedAt());
                return ps.executeUpdate() == 1;
            }
        });
        if (applied) notifyChanged(id);
        return applied;
    }

    @Override
    public boolean session(SessionRecord r) {
        String id = Ids.locationOf(r.account(), r.clientId());
        return txRetryingOnConflict(c -> {
            if (!moduleExists(c, r.account(), r.clientId())) return false;
            String existing = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT state FROM charging_session WHERE location_id = ? AND session_id = ?")) {
                ps.setString(1, id);
                ps.setString(2, r.sessionId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) existing = rs.getString(1);
                }
            }
            if (existing != null && (existing.equals("CLOSED") || !r.state().equals("CLOSED"))) return false;
            String sql = existing == null
                    ? "INSERT INTO charging_session (socket, mode, state, started, ended, energy_wh, solar_wh, cost_eur, "
                            + "end_reason, started_by, location_id, session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    : "UPDATE charging_session SET socket = ?, mode = ?, state = ?, started = ?, ended = ?, energy_wh = ?, "
                            + "solar_wh = ?, cost_eur = ?, end_reason = ?, started_by = ? WHERE location_id = ? AND session_id = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, r.socket());
                ps.setString(2, r.mode());
                ps.setString(3, r.state());
                setLong(ps, 4, r.started());
                setLong(ps, 5, r.ended());
                setDouble(ps, 6, r.energyWh());
                setDouble(ps, 7, r.solarWh());
                setDouble(ps, 8, r.costEur());
                ps.setString(9, r.endReason());
                ps.setString(10, r.startedBy());
                ps.setString(11, id);
                ps.setString(12, r.sessionId());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void putUnmonitored(Location l) {
        tx(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM connector WHERE location_id = ?");
                 PreparedStatement delE = c.prepareStatement("DELETE FROM evse WHERE location_id = ?");
                 PreparedStatement delL = c.prepareStatement("DELETE FROM location WHERE id = ? AND monitored = FALSE")) {
                del.setString(1, l.id());
                del.executeUpdate();
                delE.setString(1, l.id());
                delE.executeUpdate();
                delL.setString(1, l.id());
                delL.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO location (id, name, address, city, latitude, "
                    + "longitude, operator_type, monitored, public_point, vehicle_classes, facilities, opening_hours, "
                    + "free_of_charge, price_text, last_updated) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, TRUE, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, l.id());
                ps.setString(2, l.name());
                ps.setString(3, l.address());
                ps.setString(4, l.city());
                setDouble(ps, 5, l.latitude());
                setDouble(ps, 6, l.longitude());
                ps.setString(7, l.operatorType().name());
                ps.setString(8, Sets.join(l.vehicleClasses()));
                ps.setString(9, Sets.join(l.facilities()));
                ps.setString(10, l.openingHours());
                ps.setBoolean(11, l.freeOfCharge());
                ps.setString(12, l.priceText());
                ps.setLong(13, l.lastUpdated());
                ps.executeUpdate();
            }
            for (var e : l.evses()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO evse (location_id, socket, status, status_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, l.id());
                    ps.setInt(2, e.socket());
                    ps.setString(3, EvseStatus.UNKNOWN.name());
                    ps.setLong(4, e.statusAt());
                    ps.executeUpdate();
                }
                for (Connector k : e.connectors()) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO connector (location_id, socket, "
                            + "connector_id, standard, format, power_type, max_voltage, max_amperage, max_power_w) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        ps.setString(1, l.id());
                        ps.setInt(2, e.socket());
                        ps.setInt(3, k.id());
                        ps.setString(4, k.standard());
                        ps.setString(5, k.format());
                        ps.setString(6, k.powerType());
                        ps.setInt(7, k.maxVoltage());
                        ps.setInt(8, k.maxAmperage());
                        ps.setInt(9, k.maxPowerW());
                        ps.executeUpdate();
                    }
                }
            }
            return true;
        });
        notifyChanged(l.id());
    }

    @Override
    public void batch(Runnable writes) {
        if (connections.batch() != null) { // inside another batch: part of it
            writes.run();
            return;
        }
        Set<String> changed = new LinkedHashSet<>();
        try (Connection c = connections.db().getConnection()) {
            c.setAutoCommit(false);
            Batch b = new Batch(c, changed, new HashMap<>(), new HashSet<>());
            connections.enter(b);
            try {
                writes.run();
                writeHeard(b);
                c.commit();
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                connections.leave();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("registry database: " + e.getMessage(), e);
        }
        // after the commit, once per location: a listener reads the committed state, so telling it twice adds nothing
        changed.forEach(this::notifyChanged);
    }

    @Override
    public boolean updateDetails(String locationId, PointDetails d, long at) {
        boolean applied = tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE location SET vehicle_classes = ?, facilities = ?, "
                    + "opening_hours = ?, free_of_charge = ?, price_text = ?, last_updated = GREATEST(last_updated, ?) "
                    + "WHERE id = ? AND monitored = TRUE")) {
                ps.setString(1, Sets.join(d.vehicleClasses()));
                ps.setString(2, Sets.join(d.facilities()));
                ps.setString(3, d.openingHours());
                ps.setBoolean(4, d.freeOfCharge());
                ps.setString(5, d.priceText());
                ps.setLong(6, at);
                ps.setString(7, locationId);
                return ps.executeUpdate() == 1;
            }
        });
        if (applied) notifyChanged(locationId);
        return applied;
    }

    // --- reads: RegistryQueries ----------------------------------------------------------------------------------

    @Override
    public List<ModuleClaimHash> modulesWithClaimHash(String sha256) {
        return queries.modulesWithClaimHash(sha256);
    }

    @Override
    public Optional<Location> location(String id) {
        return queries.location(id);
    }

    @Override
    public Optional<Location> locationOfModule(String account, String clientId) {
        return queries.locationOfModule(account, clientId);
    }

    @Override
    public List<Location> all() {
        return queries.all();
    }

    @Override
    public List<Location> page(int offset, int limit) {
        return queries.page(offset, limit);
    }

    @Override
    public int count() {
        return queries.count();
    }

    @Override
    public Counted<Location> pageCounted(int offset, int limit) {
        return queries.pageCounted(offset, limit);
    }

    @Override
    public Counted<Location> pageChangedCounted(long from, long to, int offset, int limit) {
        return queries.pageChangedCounted(from, to, offset, limit);
    }

    @Override
    public List<Location> pageChanged(long from, long to, int offset, int limit) {
        return queries.pageChanged(from, to, offset, limit);
    }

    @Override
    public int countChanged(long from, long to) {
        return queries.countChanged(from, to);
    }

    @Override
    public int modulesOnline() {
        return queries.modulesOnline();
    }

    @Override
    public int sessions() {
        return queries.sessions();
    }

    // --- plumbing ----------------------------------------------------------------------------------------------

    private void notifyChanged(String id) {
        Batch b = connections.batch();
        if (b != null) { // told after the batch's commit
            b.changed().add(id);
            return;
        }
        if (changed != null) location(id).ifPresent(changed);
        if (othersTold != null) othersTold.accept(id);
    }

    private boolean moduleExists(Connection c, String account, String clientId) throws SQLException {
        Batch b = connections.batch();
        if (b != null && b.modules().contains(List.of(account, clientId))) return true;
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM module WHERE account = ? AND client_id = ?")) {
            ps.setString(1, account);
            ps.setString(2, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return false;
            }
        }
        if (b != null) b.modules().add(List.of(account, clientId));
        return true;
    }

    private static void writeHeard(Batch b) throws SQLException {
        if (b.heard().isEmpty()) return;
        try (PreparedStatement ps = b.connection().prepareStatement("UPDATE module SET last_heard = "
                + "GREATEST(last_heard, ?) WHERE account = ? AND client_id = ?")) {
            for (Map.Entry<List<String>, Long> e : b.heard().entrySet()) {
                ps.setLong(1, e.getValue());
                ps.setString(2, e.getKey().get(0));
                ps.setString(3, e.getKey().get(1));
                ps.executeUpdate();
            }
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) ps.setNull(i, Types.DOUBLE);
        else ps.setDouble(i, v);
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) ps.setNull(i, Types.BIGINT);
        else ps.setLong(i, v);
    }

    private <T> T tx(RegistryConnections.Work<T> work) {
        return connections.tx(work);
    }

    private <T> T txRetryingOnConflict(RegistryConnections.Work<T> work) {
        return connections.txRetryingOnConflict(work);
    }
}
