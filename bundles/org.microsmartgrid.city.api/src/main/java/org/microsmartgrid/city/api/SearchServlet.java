package org.microsmartgrid.city.api;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.search.BoundingBox;
import org.microsmartgrid.city.search.Cluster;
import org.microsmartgrid.city.search.Hit;
import org.microsmartgrid.city.search.InvalidQueryException;
import org.microsmartgrid.city.search.MapView;
import org.microsmartgrid.city.search.PointView;
import org.microsmartgrid.city.search.SearchQuery;
import org.microsmartgrid.city.search.SearchResult;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.microsmartgrid.city.api.observe.SearchObserver;
import org.microsmartgrid.city.registry.EvseStatus;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.stream.JsonWriter;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/v1/search} (nearest first, filtered, paged) and {@code GET /api/v1/clusters} (a map's clusters for
 * a box at a zoom), answered from the in-memory index; every point is shown through {@link PublicView}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/api/v1/search", "/api/v1/clusters"})
@HttpWhiteboardServletName("msg-city-search")
public final class SearchServlet extends ReadOnlyServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SearchServlet.class);

    @Reference
    private transient LiveRegistry live;

    /** The statistics' unmet demand (docs/statistics.md); none: nothing is told. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private transient volatile List<SearchObserver> observers;

    public SearchServlet() {
    }

    SearchServlet(LiveRegistry live) {
        this.live = live;
    }

    /** For tests: with these observers. */
    SearchServlet(LiveRegistry live, List<SearchObserver> observers) {
        this.live = live;
        this.observers = observers;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath();
        try {
            Answers.publicHeaders(resp);
            Answers.checkQueryLength(req);
            long now = System.currentTimeMillis();
            if (path.endsWith("/search")) {
                Params p = new Params(req.getParameterMap(), SearchParams.SEARCH);
                search(resp, SearchParams.search(p, Instant.ofEpochMilli(now)), now);
            } else {
                Params p = new Params(req.getParameterMap(), SearchParams.CLUSTERS);
                BoundingBox box = SearchParams.bbox(p, true);
                String z = p.value("zoom");
                if (z == null) throw SearchParams.bad("zoom", "zoom obbligatorio / zoom is required (0–22)");
                int zoom = p.integer("zoom", 0, 0, 22);
                MapView map;
                try {
                    map = live.index().map(box, zoom, SearchParams.filters(p, Instant.ofEpochMilli(now)));
                } catch (InvalidQueryException e) {
                    throw SearchParams.bad(e.parameter(), e.getMessage());
                }
                Answers.json(resp, 200, clusters(box, zoom, map, now), "application/json");
            }
        } catch (Problem.Raised p) {
            Answers.problem(resp, p.problem, req.getRequestURI());
        } catch (RuntimeException e) {
            LOG.error("API {} failed", path, e);
            Answers.problem(resp, new Problem(500, "Errore interno / Internal error", "riprovare / try again"),
                    req.getRequestURI());
        }
    }

    /** Streams the answer with Gson's writer; each point's JSON comes from {@link LiveRegistry#publicJson}. */
    private void search(HttpServletResponse resp, SearchQuery q, long now) throws IOException {
        SearchResult r = live.index().search(q);
        StringWriter text = new StringWriter(32 * 1024);
        JsonWriter w = Answers.GSON.newJsonWriter(text);
        w.beginObject();
        w.name("origin").beginObject();
        w.name("latitude").value(q.origin().latitude());
        w.name("longitude").value(q.origin().longitude());
        w.endObject();
        w.name("offset").value(q.offset());
        w.name("limit").value(q.limit());
        w.name("more").value(r.more());
        w.name("items").beginArray();
        double nearestFree = Double.POSITIVE_INFINITY;
        for (Hit h : r.hits()) {
            Optional<Location> l = live.location(h.point());
            if (l.isEmpty()) continue;
            if (nearestFree == Double.POSITIVE_INFINITY && hasFreeSocket(l.get())) nearestFree = h.distanceMetres();
            w.beginObject();
            w.name("distance_m").value(Math.round(h.distanceMetres() * 10) / 10.0);
            w.name("point").jsonValue(live.publicJson(l.get(), now));
            w.endObject();
        }
        w.endArray();
        w.endObject();
        w.flush();
        resp.setStatus(200);
        resp.setContentType("application/json; charset=utf-8");
        resp.getOutputStream().write(text.toString().getBytes(StandardCharsets.UTF_8));
        if (q.offset() == 0) tell(q, nearestFree, now);
    }

    private static boolean hasFreeSocket(Location l) {
        return l.evses().stream().anyMatch(e -> l.publicStatus(e) == EvseStatus.AVAILABLE);
    }

    private void tell(SearchQuery q, double nearestFree, long now) {
        List<SearchObserver> o = observers;
        if (o == null) return;
        for (SearchObserver x : o) {
            try {
                x.searched(q.origin().latitude(), q.origin().longitude(), nearestFree, now);
            } catch (RuntimeException e) {
                LOG.warn("search observer failed: {}", e.toString());
            }
        }
    }

    private Map<String, Object> clusters(BoundingBox box, int zoom, MapView map, long now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("zoom", zoom);
        body.put("bbox", bbox(box));
        body.put("total", map.total());
        List<Map<String, Object>> clusters = new ArrayList<>();
        for (Cluster c : map.clusters()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", c.count());
            m.put("available", c.available());
            m.put("latitude", c.latitude());
            m.put("longitude", c.longitude());
            m.put("bbox", bbox(c.extent()));
            clusters.add(m);
        }
        body.put("clusters", clusters);
        List<Map<String, Object>> points = new ArrayList<>();
        for (PointView v : map.points()) {
            live.location(v).map(l -> PublicView.of(l, now)).ifPresent(points::add);
        }
        body.put("points", points);
        return body;
    }

    /** GeoJSON order: [minLon, minLat, maxLon, maxLat]. */
    private static List<Double> bbox(BoundingBox b) {
        return List.of(b.west(), b.south(), b.east(), b.north());
    }


}
