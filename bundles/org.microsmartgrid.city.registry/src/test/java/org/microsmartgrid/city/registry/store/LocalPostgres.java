package org.microsmartgrid.city.registry.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away PostgreSQL server for tests: Debian's binaries ({@code apt-get install postgresql}, see .ci/run), a new
 * cluster in a temporary directory, on a free loopback port, trust authentication, no fsync; stopped and deleted
 * when the JVM exits. PostgreSQL refuses to run as root: as root it runs as the {@code postgres} user the package
 * creates.
 */
public final class LocalPostgres {

    public static final String USER = "msg";
    private static LocalPostgres shared;

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();
    private String schemasDatabase;

    /** The one server of this JVM, started on first use. */
    public static synchronized LocalPostgres shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("could not start PostgreSQL for the tests: " + e, e);
            }
            LocalPostgres s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "stop-test-postgres"));
        }
        return shared;
    }

    private LocalPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public static LocalPostgres start() throws IOException, InterruptedException {
        Path bin = findBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("msg-postgres");
        if (root) {
            UserPrincipal pg = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, pg);
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LocalPostgres pg = new LocalPostgres(bin, dir, port, root);
        pg.run(Duration.ofSeconds(60), bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C");
        pg.run(Duration.ofSeconds(60), bin.resolve("pg_ctl").toString(), "-D", pg.data.toString(), "-w", "-t", "50",
                "-l", dir.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                        + "-c full_page_writes=off -c max_connections=200", "start");
        pg.awaitReady();
        return pg;
    }

    private static Path findBin() throws IOException {
        String env = System.getenv("MSG_POSTGRES_BIN");
        if (env != null && !env.isBlank()) return Path.of(env);
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                List<Path> found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .sorted(Comparator.comparing((Path b) -> Integer.parseInt(b.getParent().getFileName().toString()
                                .replaceAll("\\D", "0"))).reversed()).toList();
                if (!found.isEmpty()) return found.get(0);
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries not found: apt-get install postgresql (Debian; "
                + ".ci/run does it) or set MSG_POSTGRES_BIN to the directory holding initdb and pg_ctl");
    }

    private void run(Duration timeout, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgresUser) cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(List.of(command));
        Path out = Files.createTempFile("msg-postgres-cmd", ".log");
        Process p = new ProcessBuilder(cmd).directory(Path.of("/tmp").toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + cmd);
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        if (p.exitValue() != 0) throw new IOException(cmd + " failed (" + p.exitValue() + "):\n" + output);
    }

    private void awaitReady() throws InterruptedException {
        Instant end = Instant.now().plusSeconds(30);
        SQLException last = null;
        while (Instant.now().isBefore(end)) {
            try (Connection c = DriverManager.getConnection(url("postgres"), USER, "")) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("PostgreSQL did not accept connections on port " + port, last);
    }

    public int port() {
        return port;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database and returns its name. */
    public String createDatabase() {
        String name = "registry_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    /** A new empty schema in the test database, as a data source whose connections use it (not migrated). */
    public synchronized DataSource freshDatabase() {
        if (schemasDatabase == null) schemasDatabase = createDatabase();
        String schema = "test_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url(schemasDatabase), USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema); // much faster than a database per test
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE SCHEMA " + schema + ": " + e.getMessage(), e);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url(schemasDatabase));
        ds.setUser(USER);
        ds.setCurrentSchema(schema);
        return ds;
    }

    public void stop() {
        try {
            run(Duration.ofSeconds(30), bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate",
                    "-w", "stop");
        } catch (IOException | InterruptedException e) {
            System.err.println("stopping the test PostgreSQL: " + e);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("deleting " + dir + ": " + e);
        }
    }
}
