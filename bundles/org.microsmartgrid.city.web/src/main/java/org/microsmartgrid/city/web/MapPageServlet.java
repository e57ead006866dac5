package org.microsmartgrid.city.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public map page (docs/map-page.md): {@code /map/} and its files, {@code /map/config.json} from the
 * configuration; {@code /} sends the citizen to {@code /map/}. Read-only; every answer carries a strict
 * Content-Security-Policy (our files, our API and the configured tiles only: no CDN, no tracking).
 */
@Component(service = Servlet.class, configurationPid = MapPageServlet.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MapPageConfig.class)
@HttpWhiteboardServletPattern("/map/*")
@HttpWhiteboardServletName("msg-city-map-page")
public final class MapPageServlet extends HttpServlet {

    static final String PID = "org.microsmartgrid.city.web.MapPage";
    private static final long serialVersionUID = 1L;

    private final transient StaticResources files = new StaticResources(MapPageServlet.class.getClassLoader());
    private transient volatile PageSettings settings;
    /** A city's own searchable places, or null for the packed list. */
    private transient volatile Places places;

    @Activate
    @Modified
    void configure(MapPageConfig config) {
        PageSettings s = PageSettings.of(config);
        String file = config.places_file() == null ? "" : config.places_file().strip();
        Places p = file.isEmpty() ? null : Places.read(Path.of(file));
        settings = s; // both checked before either changes
        places = p;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PageSettings s = settings;
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Content-Security-Policy", s.contentSecurityPolicy());
        resp.setHeader("Permissions-Policy", "geolocation=(self), camera=(), microphone=()");
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (path.isEmpty()) {
            resp.sendRedirect("/map/");
            return;
        }
        if (path.equals("/config.json")) {
            resp.setHeader("Cache-Control", "no-cache");
            send(req, resp, new StaticResources.Resource(s.json().getBytes(StandardCharsets.UTF_8), null,
                    "application/json", null));
            return;
        }
        Places own = places;
        if (path.equals("/places.json") && own != null) {
            resp.setHeader("Cache-Control", "no-cache");
            send(req, resp, new StaticResources.Resource(own.json(), null, "application/json", null));
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        Optional<StaticResources.Resource> r = files.get(name);
        if (r.isEmpty()) {
            notFound(resp);
            return;
        }
        // revalidated on every load (cheap with the ETag), so a new version reaches phones at once;
        // the service worker (sw.js) is what serves them offline
        resp.setHeader("Cache-Control", "no-cache");
        if (name.equals("sw.js")) resp.setHeader("Service-Worker-Allowed", "/map/");
        send(req, resp, r.get());
    }

    private static void notFound(HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain; charset=utf-8");
        resp.setStatus(404);
        resp.getWriter().write("Pagina non trovata / Page not found\n");
    }

    private static void send(HttpServletRequest req, HttpServletResponse resp, StaticResources.Resource r)
            throws IOException {
        resp.setContentType(r.type());
        if (r.etag() != null) {
            resp.setHeader("ETag", r.etag());
            if (r.etag().equals(req.getHeader("If-None-Match"))) {
                resp.setStatus(304);
                return;
            }
        }
        resp.setHeader("Vary", "Accept-Encoding");
        String accept = req.getHeader("Accept-Encoding");
        byte[] body = r.bytes();
        if (r.gzip() != null && accept != null && accept.contains("gzip")) {
            resp.setHeader("Content-Encoding", "gzip");
            body = r.gzip();
        }
        resp.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) resp.getOutputStream().write(body);
    }
}
