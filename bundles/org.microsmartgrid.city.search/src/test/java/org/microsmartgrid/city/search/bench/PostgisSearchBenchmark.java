package org.microsmartgrid.city.search.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.microsmartgrid.city.search.Hit;
import org.microsmartgrid.city.search.PointIndex;
import org.microsmartgrid.city.search.Position;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;

/**
 * The same nearest-20 in PostgreSQL + PostGIS over JDBC (loopback), with a GiST index, as a geometry KNN
 * ({@code geom <-> origin}, bounded by {@code geom && ST_Expand(origin, ...)} and the sphere distance) and as a
 * geography KNN ({@code ST_DWithin} + {@code geog <-> origin}). The database comes from bench/search-benchmark.sh
 * (-Dcity.bench.jdbc, -Dcity.bench.user, -Dcity.bench.password); the first fork loads the 130,000 points.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PostgisSearchBenchmark {
    private static final String FILTERS = " AND (vehicle_mask & ?) <> 0 AND max_power_w >= ? AND any_available";
    private static final String GEOMETRY = "SELECT id, ST_DistanceSphere(geom, o) AS d FROM city_points,"
            + " (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS o) q"
            + " WHERE geom && ST_Expand(o, ?, ?) AND ST_DistanceSphere(geom, o) <= ?%s ORDER BY geom <-> o LIMIT ?";
    private static final String GEOGRAPHY = "SELECT id, ST_Distance(geog, o, false) AS d FROM city_points,"
            + " (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography AS o) q"
            + " WHERE ST_DWithin(geog, o, ?, false)%s ORDER BY geog <-> o LIMIT ?";

    @Param({"geometry", "geography"})
    public String type;
    @Param({"filtered", "plain"})
    public String query;

    private List<Position> origins;

    /** One connection and prepared statement per benchmark thread, as a connection pool would give. */
    @State(Scope.Thread)
    public static class Session {
        Connection connection;
        PreparedStatement statement;
        int next;

        @Setup(Level.Trial)
        public void open(PostgisSearchBenchmark bench) throws SQLException {
            connection = connect();
            String sql = "geometry".equals(bench.type) ? GEOMETRY : GEOGRAPHY;
            statement = connection.prepareStatement(String.format(sql, "filtered".equals(bench.query) ? FILTERS : ""));
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }
    }

    @Setup(Level.Trial)
    public void load() throws SQLException {
        origins = BenchQueries.origins();
        try (Connection c = connect()) {
            loadOnce(c);
            if ("geography".equals(type) && "filtered".equals(query)) {
                compareWithTheIndex(c);
            }
        }
    }

    @Benchmark
    public int nearest20(Session session) throws SQLException {
        Position origin = origins.get(session.next++ & (origins.size() - 1));
        return run(session.statement, origin, "geometry".equals(type), "filtered".equals(query)).size();
    }

    static List<String> run(PreparedStatement s, Position o, boolean geometry, boolean filtered) throws SQLException {
        bind(s, o, geometry, filtered);
        List<String> ids = new ArrayList<>(BenchQueries.LIMIT);
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /**
     * Binds the benchmark's query to a statement made from {@link #sql}: origin, radius (and its box for geometry),
     * the filters' values and the limit.
     */
    public static void bind(PreparedStatement s, Position o, boolean geometry, boolean filtered) throws SQLException {
        int i = 1;
        s.setDouble(i++, o.longitude());
        s.setDouble(i++, o.latitude());
        if (geometry) {
            // a box of the radius in degrees (longitude degrees shrink with the latitude) lets GiST bound the scan
            double dLat = Math.toDegrees(BenchQueries.RADIUS_METRES / 6_371_008.8);
            s.setDouble(i++, dLat / Math.cos(Math.toRadians(Math.min(89, Math.abs(o.latitude()) + dLat))));
            s.setDouble(i++, dLat);
        }
        s.setDouble(i++, BenchQueries.RADIUS_METRES);
        if (filtered) {
            s.setInt(i++, 1 << BenchQueries.VEHICLE.ordinal());
            s.setLong(i++, BenchQueries.MIN_POWER_W);
        }
        s.setInt(i, BenchQueries.LIMIT);
    }

    /**
     * The benchmark's nearest-20 as SQL selecting {@code columns} (of {@code city_points}) and the distance in metres
     * as {@code d}: geometry or geography KNN, with or without the filters.
     */
    public static String sql(String columns, boolean geometry, boolean filtered) {
        return String.format(geometry ? GEOMETRY : GEOGRAPHY, filtered ? FILTERS : "").replace("SELECT id,", "SELECT " + columns + ",");
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("city.bench.jdbc"),
                System.getProperty("city.bench.user"), System.getProperty("city.bench.password"));
    }

    /** Loads the points once per database (later forks find them), with both GiST indexes. */
    public static void loadOnce(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS city_bench_loaded (points int)");
            try (ResultSet rs = s.executeQuery("SELECT points FROM city_bench_loaded")) {
                if (rs.next() && rs.getInt(1) == ItalyPoints.COUNT) {
                    return;
                }
            }
            s.execute("DROP TABLE IF EXISTS city_points");
            s.execute("CREATE TABLE city_points (id text PRIMARY KEY, lon double precision, lat double precision,"
                    + " vehicle_mask int NOT NULL, max_power_w bigint NOT NULL, any_available boolean NOT NULL,"
                    + " geom geometry(Point, 4326), geog geography(Point, 4326))");
            StringBuilder rows = new StringBuilder();
            for (ItalyPoints.Point p : ItalyPoints.points(ItalyPoints.COUNT, BenchQueries.POINTS_SEED)) {
                rows.append(String.format(Locale.ROOT, "%s\t%.7f\t%.7f\t%d\t%d\t%s%n", p.facts().id(),
                        p.facts().longitude(), p.facts().latitude(), p.vehicleMask(), p.facts().maxPowerW(),
                        p.anyAvailable() ? "t" : "f"));
            }
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY city_points (id, lon, lat, vehicle_mask,"
                        + " max_power_w, any_available) FROM STDIN", new StringReader(rows.toString()));
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
            s.execute("UPDATE city_points SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326),"
                    + " geog = ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography");
            s.execute("CREATE INDEX city_points_geom ON city_points USING gist (geom)");
            s.execute("CREATE INDEX city_points_geog ON city_points USING gist (geog)");
            s.execute("VACUUM ANALYZE city_points");
            s.execute("DELETE FROM city_bench_loaded");
            s.execute("INSERT INTO city_bench_loaded VALUES (" + ItalyPoints.COUNT + ")");
        }
    }

    /**
     * The peer must answer the same question: the geography query's ids against the index's, for every origin
     * (ties and the 0.0001 % radius differences of the two sphere radii aside), and one query plan shown.
     */
    private void compareWithTheIndex(Connection c) throws SQLException {
        PointIndex index = BenchQueries.index(ItalyPoints.points(ItalyPoints.COUNT, BenchQueries.POINTS_SEED));
        int same = 0;
        try (PreparedStatement s = c.prepareStatement(String.format(GEOGRAPHY, FILTERS))) {
            for (Position origin : origins) {
                List<String> ours = index.search(BenchQueries.query(origin, true)).hits().stream()
                        .map((Hit h) -> h.point().facts().id()).toList();
                if (ours.equals(run(s, origin, false, true))) {
                    same++;
                }
            }
        }
        // one println per line: JMH forwards the fork's output line by line
        System.out.println(String.format("# geography KNN and the index agree on %d of %d queries", same,
                origins.size()));
        for (boolean geometry : new boolean[] {true, false}) {
            String sql = "EXPLAIN (ANALYZE, COSTS OFF) " + String.format(geometry ? GEOMETRY : GEOGRAPHY, FILTERS);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                System.out.println("# plan at the Duomo, " + (geometry ? "geometry" : "geography") + ":");
                bindAndPrint(s, geometry);
            }
        }
    }

    private static void bindAndPrint(PreparedStatement s, boolean geometry) throws SQLException {
        int i = 1;
        Position o = new Position(45.4642, 9.19);
        s.setDouble(i++, o.longitude());
        s.setDouble(i++, o.latitude());
        if (geometry) {
            s.setDouble(i++, 0.13);
            s.setDouble(i++, 0.09);
        }
        s.setDouble(i++, BenchQueries.RADIUS_METRES);
        s.setInt(i++, 1 << BenchQueries.VEHICLE.ordinal());
        s.setLong(i++, BenchQueries.MIN_POWER_W);
        s.setInt(i, BenchQueries.LIMIT);
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                System.out.println("#   " + rs.getString(1));
            }
        }
    }
}
