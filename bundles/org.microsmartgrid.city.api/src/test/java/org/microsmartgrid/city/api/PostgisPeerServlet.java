package org.microsmartgrid.city.api;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.search.Position;
import org.microsmartgrid.city.search.bench.PostgisSearchBenchmark;
import org.postgresql.PGConnection;

import com.google.gson.stream.JsonWriter;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The HTTP benchmark's peer (docs/benchmarks.md §18): the same search answered by PostgreSQL + PostGIS behind the
 * same Jetty, as a city runtime built on PostGIS would answer it. Each point's public document is stored in its row
 * ({@code city_points.doc}, written once by our own {@link PointJson} at load), the KNN query returns the 20
 * documents with their distances, and the servlet wraps them in the same envelope as {@link SearchServlet}.
 *
 * <p>It favours the peer: it reads only {@code lat}, {@code lon} and whether {@code vehicle_class} is present (the
 * benchmark's filters are fixed), validates nothing, and sends the documents as stored (ours splices the status ages
 * per request). One JDBC connection per client from a fixed pool, as a connection pool would give.
 */
final class PostgisPeerServlet extends HttpServlet {

    private record Session(Connection connection, PreparedStatement filtered, PreparedStatement plain) {
    }

    private final boolean geometry;
    private final BlockingQueue<Session> pool;

    PostgisPeerServlet(boolean geometry, int connections) throws SQLException {
        this.geometry = geometry;
        this.pool = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            Connection c = PostgisSearchBenchmark.connect();
            pool.add(new Session(c, c.prepareStatement(PostgisSearchBenchmark.sql("doc", geometry, true)),
                    c.prepareStatement(PostgisSearchBenchmark.sql("doc", geometry, false))));
        }
    }

    /** Loads the benchmark's points (once per database) and each one's public document into {@code doc}. */
    static void loadDocuments(List<Location> locations, long now) throws SQLException, IOException {
        try (Connection c = PostgisSearchBenchmark.connect(); Statement s = c.createStatement()) {
            PostgisSearchBenchmark.loadOnce(c);
            s.execute("ALTER TABLE city_points ADD COLUMN IF NOT EXISTS doc text");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM city_points WHERE doc IS NOT NULL")) {
                rs.next();
                if (rs.getInt(1) == locations.size()) return;
            }
            s.execute("CREATE TEMP TABLE city_docs (id text PRIMARY KEY, doc text NOT NULL)");
            // COPY's text format: backslash, tab and newline escaped (the documents are JSON on one line)
            for (int from = 0; from < locations.size(); from += 10_000) {
                StringBuilder rows = new StringBuilder();
                for (Location l : locations.subList(from, Math.min(locations.size(), from + 10_000))) {
                    String doc = PointJson.of(l).json(now).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
                    rows.append(l.id()).append('\t').append(doc).append('\n');
                }
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY city_docs (id, doc) FROM STDIN",
                        new StringReader(rows.toString()));
            }
            s.execute("UPDATE city_points p SET doc = d.doc FROM city_docs d WHERE d.id = p.id");
            s.execute("VACUUM ANALYZE city_points");
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Position origin = new Position(Double.parseDouble(req.getParameter("lat")),
                Double.parseDouble(req.getParameter("lon")));
        boolean filtered = req.getParameter("vehicle_class") != null;
        StringWriter text = new StringWriter(32 * 1024);
        Session session = take();
        try {
            PreparedStatement st = filtered ? session.filtered() : session.plain();
            PostgisSearchBenchmark.bind(st, origin, geometry, filtered);
            JsonWriter w = Answers.GSON.newJsonWriter(text);
            w.beginObject();
            w.name("origin").beginObject();
            w.name("latitude").value(origin.latitude());
            w.name("longitude").value(origin.longitude());
            w.endObject();
            w.name("offset").value(0);
            w.name("limit").value(20);
            w.name("more").value(false);
            w.name("items").beginArray();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    w.beginObject();
                    w.name("distance_m").value(Math.round(rs.getDouble(2) * 10) / 10.0);
                    w.name("point").jsonValue(rs.getString(1));
                    w.endObject();
                }
            }
            w.endArray();
            w.endObject();
            w.flush();
        } catch (SQLException e) {
            throw new IOException(e);
        } finally {
            pool.add(session);
        }
        resp.setStatus(200);
        resp.setContentType("application/json; charset=utf-8");
        resp.getOutputStream().write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Session take() throws IOException {
        try {
            return pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void destroy() {
        for (Session s : pool) {
            try {
                s.connection().close();
            } catch (SQLException ignored) {
                // the benchmark is ending
            }
        }
    }
}
