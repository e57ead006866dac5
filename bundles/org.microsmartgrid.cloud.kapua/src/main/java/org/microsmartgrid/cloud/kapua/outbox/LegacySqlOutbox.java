package org.microsmartgrid.cloud.kapua.outbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.microsmartgrid.telemetry.MessageClass;

/**
 * Reads an outbox written by an earlier version, which kept it in tables of H2's SQL engine ({@code <path>.mv.db}).
 * The only class of the cloud link that touches JDBC: it runs once per module, on the first start after the upgrade,
 * so H2's SQL engine (~650 classes) is loaded only then. Its types stay out of the signatures so that loading
 * {@link Outbox} never loads them.
 */
final class LegacySqlOutbox {

    /** Receives what the old outbox held, messages in their order. */
    interface Receiver {
        void message(UUID id, String topic, MessageClass kind, long createdMs, byte[] payload);

        void key(String key, long addedMs);
    }

    private LegacySqlOutbox() {
    }

    /** The file H2's SQL engine kept the outbox at {@code path} in. */
    static Path fileOf(Path path) {
        return path.resolveSibling(path.getFileName() + ".mv.db");
    }

    /**
     * Hands every queued message (in order) and every dedup key of the old outbox at {@code path} to {@code to}.
     * Reads only: the caller commits what it received, then renames the file.
     */
    static void readInto(Path path, Receiver to) throws OutboxException {
        Path file = fileOf(path);
        // the driver class directly: DriverManager does not see bundle class loaders under OSGi
        try (Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + path.toAbsolutePath()
                + ";IFEXISTS=TRUE;DB_CLOSE_ON_EXIT=FALSE", new Properties())) {
            if (c == null) throw new OutboxException("H2 refused the URL of the old outbox " + file, null);
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery(
                        "SELECT seq, id, topic, kind, created_ms, payload FROM outbox ORDER BY seq")) {
                    MessageClass[] kinds = MessageClass.values();
                    while (rs.next()) {
                        int kind = rs.getInt(4);
                        if (kind < 0 || kind >= kinds.length)
                            throw new OutboxException("old outbox " + file + ": message " + rs.getLong(1)
                                    + " has an unknown class " + kind, null);
                        to.message(rs.getObject(2, UUID.class), rs.getString(3), kinds[kind], rs.getLong(5),
                                rs.getBytes(6));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT k, added_ms FROM outbox_key")) {
                    while (rs.next()) to.key(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new OutboxException("cannot read the old outbox " + file + ": " + e.getMessage(), e);
        }
    }
}
