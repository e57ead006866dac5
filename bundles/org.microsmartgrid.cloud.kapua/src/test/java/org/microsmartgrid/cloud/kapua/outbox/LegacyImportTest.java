package org.microsmartgrid.cloud.kapua.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.telemetry.MessageClass;

/**
 * A module upgraded in the field: its outbox was a table of H2's SQL engine ({@code outbox.mv.db}), maybe with
 * messages still queued. They are imported once, in order, and the old file renamed.
 */
class LegacyImportTest {

    @TempDir
    Path dir;

    private final UUID telemetryId = UUID.randomUUID();
    private final UUID eventId = UUID.randomUUID();
    private final UUID sessionId = UUID.randomUUID();

    /** The outbox as the previous version wrote it: its DDL, verbatim, and three queued messages and a key. */
    private void writeOldOutbox(Path path) throws Exception {
        try (Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + path.toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE", new Properties()); Statement st = c.createStatement()) {
            st.execute("SET WRITE_DELAY 0");
            st.execute("CREATE TABLE IF NOT EXISTS outbox (seq BIGINT AUTO_INCREMENT PRIMARY KEY, id UUID NOT NULL, "
                    + "topic VARCHAR(1024) NOT NULL, kind TINYINT NOT NULL, created_ms BIGINT NOT NULL, "
                    + "payload VARBINARY NOT NULL)");
            st.execute("CREATE INDEX IF NOT EXISTS outbox_kind ON outbox(kind, seq)");
            st.execute("CREATE TABLE IF NOT EXISTS outbox_key (k VARCHAR(200) PRIMARY KEY, added_ms BIGINT NOT NULL)");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO outbox (id, topic, kind, created_ms, payload) VALUES (?, ?, ?, ?, ?)")) {
                insert(ps, UUID.randomUUID(), "delivered/before/upgrade", 0, 1, new byte[] {0});
                insert(ps, telemetryId, "milano/dev/msg/site", 0, 10, new byte[] {1, 2});
                insert(ps, eventId, "milano/dev/msg/events/alarm", 1, 20, new byte[] {3});
                insert(ps, sessionId, "milano/dev/msg/sessions", 2, 30, new byte[] {4, 5, 6});
            }
            st.execute("DELETE FROM outbox WHERE topic = 'delivered/before/upgrade'");
            st.execute("INSERT INTO outbox_key (k, added_ms) VALUES ('session:7:closed', 30)");
        }
    }

    private static void insert(PreparedStatement ps, UUID id, String topic, int kind, long created, byte[] payload)
            throws Exception {
        ps.setObject(1, id);
        ps.setString(2, topic);
        ps.setInt(3, kind);
        ps.setLong(4, created);
        ps.setBytes(5, payload);
        ps.executeUpdate();
    }

    private void assertImported(Outbox o) throws Exception {
        List<OutboxMessage> all = o.next(0, 10);
        assertEquals(List.of(telemetryId, eventId, sessionId), all.stream().map(OutboxMessage::id).toList(),
                "every queued message, in its order, once");
        assertEquals(List.of(MessageClass.TELEMETRY, MessageClass.EVENT, MessageClass.SESSION),
                all.stream().map(OutboxMessage::kind).toList());
        assertEquals("milano/dev/msg/events/alarm", all.get(1).topic());
        assertEquals(30, all.get(2).created());
        assertArrayEquals(new byte[] {4, 5, 6}, all.get(2).payload());
        assertTrue(o.knows("session:7:closed"), "a session record already sent is not sent again");
    }

    @Test
    void queuedMessagesAndKeysAreImportedOnceAndTheOldFileRenamed() throws Exception {
        Path path = dir.resolve("outbox");
        writeOldOutbox(path);
        try (Outbox o = Outbox.open(path, 100)) {
            assertImported(o);
            assertEquals(3, o.size());
        }
        assertFalse(Files.exists(Outbox.legacyFileOf(path)));
        assertTrue(Files.exists(Outbox.importedLegacyFileOf(path)));
        try (Outbox o = Outbox.open(path, 100)) {
            assertImported(o);
            assertEquals(3, o.size(), "not imported twice");
        }
    }

    @Test
    void aCrashBetweenTheImportAndTheRenameImportsNothingTwice() throws Exception {
        Path path = dir.resolve("outbox");
        writeOldOutbox(path);
        try (Outbox o = Outbox.open(path, 100)) {
            assertImported(o);
        }
        // the state a kill -9 right after the import's commit leaves: the marker set, the old file not yet renamed
        Files.move(Outbox.importedLegacyFileOf(path), Outbox.legacyFileOf(path));
        try (MVStore s = new MVStore.Builder().fileName(Outbox.fileOf(path).toString()).open()) {
            s.openMap(Outbox.META, new org.h2.mvstore.MVMap.Builder<String, Long>()
                    .keyType(org.h2.mvstore.type.StringDataType.INSTANCE)
                    .valueType(org.h2.mvstore.type.LongDataType.INSTANCE)).put(Outbox.META_IMPORTED, 3L);
        }
        try (Outbox o = Outbox.open(path, 100)) {
            assertImported(o);
            assertEquals(3, o.size(), "only renamed, not imported again");
        }
        assertFalse(Files.exists(Outbox.legacyFileOf(path)));
    }

    @Test
    void aCrashBeforeTheImportCommittedLeavesItToBeDoneWhole() throws Exception {
        Path path = dir.resolve("outbox");
        writeOldOutbox(path);
        // the new store already exists (created, then the process killed before the import's commit)
        Outbox.open(dir.resolve("other"), 100).close();
        Files.copy(Outbox.fileOf(dir.resolve("other")), Outbox.fileOf(path));
        try (Outbox o = Outbox.open(path, 100)) {
            assertImported(o);
            assertEquals(3, o.size());
        }
    }

    @Test
    void anOldFileThatCannotBeReadIsLeftInPlaceAndTheOutboxStillWorks() throws Exception {
        Path path = dir.resolve("outbox");
        byte[] junk = new byte[8192];
        java.util.Arrays.fill(junk, (byte) 'x');
        Files.write(Outbox.legacyFileOf(path), junk);
        try (Outbox o = Outbox.open(path, 100)) {
            assertEquals(0, o.size());
            o.add(UUID.randomUUID(), "t", MessageClass.TELEMETRY, 1, new byte[0]);
            assertEquals(1, o.next(0, 10).size());
        }
        assertArrayEquals(junk, Files.readAllBytes(Outbox.legacyFileOf(path)), "kept for a later attempt, untouched");
    }

    /**
     * The point of the store: H2's SQL engine is not loaded by a module's outbox, only by the one-time import. Checked
     * in a class loader of its own (the test's own loader has loaded the engine to write the old file).
     */
    @Test
    void theSqlEngineLoadsOnlyForTheImport() throws Exception {
        Path fresh = dir.resolve("fresh");
        try (Isolated loader = new Isolated()) {
            loader.openAddClose(fresh);
            assertFalse(loader.loaded("org.h2.Driver") || loader.loaded("org.h2.jdbc.JdbcConnection")
                    || loader.loaded("org.h2.engine.Database"), "a module's outbox without an old file");
        }
        Path upgraded = dir.resolve("upgraded");
        writeOldOutbox(upgraded);
        try (Isolated loader = new Isolated()) {
            loader.openAddClose(upgraded);
            assertTrue(loader.loaded("org.h2.Driver") && loader.loaded("org.h2.engine.Database"),
                    "the import uses the engine");
        }
    }

    /** The outbox's bundle and its dependencies in a class loader that has loaded nothing yet. */
    private static final class Isolated extends URLClassLoader {
        Isolated() throws Exception {
            super(new URL[] {codeOf(Outbox.class), codeOf(MVStore.class), codeOf(MessageClass.class),
                    codeOf(org.slf4j.Logger.class)}, ClassLoader.getPlatformClassLoader());
        }

        private static URL codeOf(Class<?> c) {
            return c.getProtectionDomain().getCodeSource().getLocation();
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }

        void openAddClose(Path path) throws Exception {
            Class<?> outbox = loadClass(Outbox.class.getName());
            Class<?> kind = loadClass(MessageClass.class.getName());
            Object o = outbox.getMethod("open", Path.class, int.class).invoke(null, path, 100);
            Method add = outbox.getMethod("add", UUID.class, String.class, kind, long.class, byte[].class);
            add.invoke(o, UUID.randomUUID(), "t", kind.getEnumConstants()[0], 1L, new byte[0]);
            outbox.getMethod("close").invoke(o);
        }
    }
}
