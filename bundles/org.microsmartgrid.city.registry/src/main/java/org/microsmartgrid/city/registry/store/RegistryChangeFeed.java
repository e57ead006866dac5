package org.microsmartgrid.city.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.microsmartgrid.city.registry.Location;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several instances on one PostgreSQL database: each tells the others which location it changed (PostgreSQL
 * {@code NOTIFY} after the commit), and each tells its own listeners (the in-memory search index, live streams) of the
 * others' changes, so they never miss a change another instance stored. After a lost listening connection, the
 * listeners are told of every location once (a notification may have been missed meanwhile).
 */
final class RegistryChangeFeed implements AutoCloseable {

    static final String CHANNEL = "msg_registry_changed";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryChangeFeed.class);

    private final String instance = UUID.randomUUID().toString();
    private final DataSource pool;
    private final DataSource listening;
    private final Function<String, Optional<Location>> read;
    private final Supplier<List<Location>> all;
    private final Consumer<Location> tell;
    private final Thread thread;
    private volatile boolean running = true;
    private final java.util.concurrent.CountDownLatch listeningOnce = new java.util.concurrent.CountDownLatch(1);

    /**
     * @param pool      where this instance writes (notifications are sent on it)
     * @param listening a source of plain PostgreSQL connections, one kept open to LISTEN
     */
    RegistryChangeFeed(DataSource pool, DataSource listening, Function<String, Optional<Location>> read,
                       Supplier<List<Location>> all, Consumer<Location> tell) {
        this.pool = pool;
        this.listening = listening;
        this.read = read;
        this.all = all;
        this.tell = tell;
        this.thread = new Thread(this::listen, "msg-city-registry-changes");
        thread.setDaemon(true);
    }

    /** Starts listening; returns once LISTEN is in place (or after 10 s, when the database is not reachable yet). */
    RegistryChangeFeed start() throws InterruptedException {
        thread.start();
        listeningOnce.await(10, java.util.concurrent.TimeUnit.SECONDS);
        return this;
    }

    /** Tells the other instances that this one changed a location (after its transaction committed). */
    void changed(String locationId) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, instance + " " + locationId);
            ps.execute();
        } catch (SQLException e) {
            LOG.warn("could not tell the other instances of {}: {}", locationId, e.getMessage());
        }
    }

    private void listen() {
        boolean first = true;
        while (running) {
            try (Connection c = listening.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                listeningOnce.countDown();
                if (!first) {
                    LOG.info("listening to the other instances' changes again: telling every location once");
                    all.get().forEach(this::tellSafely);
                }
                first = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] got = pg.getNotifications(1000);
                    if (got == null) continue;
                    for (PGNotification n : got) {
                        String[] p = n.getParameter().split(" ", 2);
                        if (p.length == 2 && !p[0].equals(instance)) read.apply(p[1]).ifPresent(this::tellSafely);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) return;
                LOG.warn("listening to the other instances' changes failed ({}); again in 2 s", e.getMessage());
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void tellSafely(Location l) {
        try {
            tell.accept(l);
        } catch (RuntimeException e) {
            LOG.warn("location listener failed on {}: {}", l.id(), e.toString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
    }
}
