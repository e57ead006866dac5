package org.microsmartgrid.city.registry.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Which database the registry lives in: the embedded H2 file, or a PostgreSQL server that several city runtime
 * instances share. Both behind H2's small connection pool (it pools any JDBC {@code ConnectionPoolDataSource}), so the
 * runtime carries no second pool library.
 */
final class RegistryDatabase {

    private RegistryDatabase() {
    }

    /** @param dataDir the runtime's data directory ({@code msg.data}) */
    static JdbcConnectionPool open(RegistryStoreConfig config, String dataDir) throws IOException {
        String url = config.jdbc_url() == null ? "" : config.jdbc_url().strip();
        JdbcConnectionPool pool;
        if (url.isEmpty()) {
            Path file = Path.of(config.database_path().replace("${msg.data}", dataDir == null ? "data" : dataDir))
                    .toAbsolutePath();
            Files.createDirectories(file.getParent());
            pool = JdbcConnectionPool.create("jdbc:h2:file:" + file, "", "");
        } else if (url.startsWith("jdbc:postgresql:")) {
            pool = JdbcConnectionPool.create(postgres(url, config.jdbc_user(), config.jdbc_password()));
        } else {
            throw new IllegalArgumentException("jdbc.url must be empty (embedded H2) or jdbc:postgresql://...: " + url);
        }
        pool.setMaxConnections(config.pool_size());
        return pool;
    }

    static PGConnectionPoolDataSource postgres(String url, String user, String password) {
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        ds.setURL(url);
        if (user != null && !user.isBlank()) ds.setUser(user);
        if (password != null && !password.isEmpty()) ds.setPassword(password);
        return ds;
    }

    /** Plain connections to the same PostgreSQL database (the change feed keeps one open to LISTEN); else null. */
    static javax.sql.DataSource listening(RegistryStoreConfig config) {
        String url = config.jdbc_url() == null ? "" : config.jdbc_url().strip();
        if (!url.startsWith("jdbc:postgresql:")) return null;
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(url);
        if (config.jdbc_user() != null && !config.jdbc_user().isBlank()) ds.setUser(config.jdbc_user());
        if (config.jdbc_password() != null && !config.jdbc_password().isEmpty()) ds.setPassword(config.jdbc_password());
        return ds;
    }

    /** Where the database is, for the log: never the password. */
    static String describe(RegistryStoreConfig config, String dataDir) {
        String url = config.jdbc_url() == null ? "" : config.jdbc_url().strip();
        if (!url.isEmpty()) return url.replaceAll("(?i)password=[^&]*", "password=***");
        return Path.of(config.database_path().replace("${msg.data}", dataDir == null ? "data" : dataDir))
                .toAbsolutePath().toString();
    }
}
