package org.microsmartgrid.city.api;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.microsmartgrid.city.registry.Counted;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.Registry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public read API (docs/city-runtime.md): {@code GET /api/v1/locations} (paged), {@code /api/v1/locations/{id}},
 * {@code /api/v1/open-data/locations.geojson} and {@code .csv}. Read-only: anything but GET/HEAD is refused.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/*")
@HttpWhiteboardServletName("msg-city-api")
public final class RegistryApiServlet extends ReadOnlyServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RegistryApiServlet.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._\\-]{1,36}");
    /** The OpenAPI 3 document of this API, served as it is (the tests validate every answer against it). */
    static final String OPENAPI = "openapi.yaml";
    static final int MAX_LIMIT = 500;
    static final int MAX_OFFSET = 1_000_000;

    @Reference
    private transient Registry registry;

    public RegistryApiServlet() {
    }

    RegistryApiServlet(Registry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        try {
            Answers.publicHeaders(resp);
            Answers.checkQueryLength(req);
            if (path.equals("/locations")) list(req, resp);
            else if (path.startsWith("/locations/")) one(req, resp, path.substring("/locations/".length()));
            else if (path.equals("/open-data/locations.geojson")) {
                new Params(req.getParameterMap(), Set.of());
                json(resp, 200, OpenData.geoJson(registry.all()), OpenData.GEOJSON);
            } else if (path.equals("/open-data/locations.csv")) {
                new Params(req.getParameterMap(), Set.of());
                resp.setContentType(OpenData.CSV);
                resp.setHeader("Content-Disposition", "attachment; filename=\"locations.csv\"");
                try (Writer w = new OutputStreamWriter(resp.getOutputStream(), StandardCharsets.UTF_8)) {
                    OpenData.csv(registry.all(), w);
                }
            } else if (path.equals("/openapi.yaml")) {
                new Params(req.getParameterMap(), Set.of());
                resp.setContentType("application/yaml; charset=utf-8");
                try (var in = RegistryApiServlet.class.getResourceAsStream(OPENAPI)) {
                    in.transferTo(resp.getOutputStream());
                }
            } else throw new Problem.Raised(Problem.notFound("nessuna risorsa / no such resource: " + Params.clip(path)));
        } catch (Problem.Raised p) {
            problem(resp, p.problem, req.getRequestURI());
        } catch (RuntimeException e) {
            LOG.error("API {} failed", path, e);
            problem(resp, new Problem(500, "Errore interno / Internal error", "riprovare / try again"), req.getRequestURI());
        }
    }

    private void list(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Params p = new Params(req.getParameterMap(), Set.of("limit", "offset"));
        int limit = p.integer("limit", 50, 1, MAX_LIMIT);
        int offset = p.integer("offset", 0, 0, MAX_OFFSET);
        Counted<Location> page = registry.pageCounted(offset, limit); // the page and its total from one snapshot
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", page.total());
        body.put("offset", offset);
        body.put("limit", limit);
        body.put("items", page.items().stream().filter(PublicView::isPublic).map(PublicView::of).toList());
        json(resp, 200, body, "application/json");
    }

    private void one(HttpServletRequest req, HttpServletResponse resp, String id) throws IOException {
        new Params(req.getParameterMap(), Set.of());
        if (!ID.matcher(id).matches()) throw new Problem.Raised(Problem.badRequest("id non valido / invalid id"));
        Location l = registry.location(id).filter(PublicView::isPublic)
                .orElseThrow(() -> new Problem.Raised(Problem.notFound("nessun punto / no point " + id)));
        json(resp, 200, PublicView.of(l), "application/json");
    }

    private static void json(HttpServletResponse resp, int status, Object body, String type) throws IOException {
        Answers.json(resp, status, body, type);
    }

    private static void problem(HttpServletResponse resp, Problem p, String instance) throws IOException {
        Answers.problem(resp, p, instance);
    }
}
