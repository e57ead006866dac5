package org.microsmartgrid.city.stats.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The municipality's dashboard at /stats/: a fixed set of static files from the bundle (no path from the request
 * reaches the class loader), with uPlot packaged by the build. The data comes from /api/v1/stats with the caller's
 * session; the page itself holds nothing private. Same strict Content-Security-Policy as the map page: our files only.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/stats/*")
@HttpWhiteboardServletName("msg-city-stats-page")
public final class DashboardServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8",
            "i18n.js", "text/javascript; charset=utf-8",
            "dashboard.css", "text/css; charset=utf-8",
            "vendor/uplot/uPlot.iife.min.js", "text/javascript; charset=utf-8",
            "vendor/uplot/uPlot.min.css", "text/css; charset=utf-8",
            "vendor/uplot/LICENSE", "text/plain; charset=utf-8");
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            resp.sendRedirect(req.getRequestURI() + "/");
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        String type = FILES.get(name);
        if (type == null) {
            resp.sendError(404);
            return;
        }
        try (InputStream in = DashboardServlet.class.getClassLoader().getResourceAsStream("web/" + name)) {
            if (in == null) {
                resp.sendError(404);
                return;
            }
            resp.setContentType(type);
            resp.setHeader("Content-Security-Policy", CSP);
            resp.setHeader("X-Content-Type-Options", "nosniff");
            resp.setHeader("Referrer-Policy", "no-referrer");
            resp.setHeader("Cache-Control", name.equals("index.html") ? "no-cache" : "max-age=3600");
            in.transferTo(resp.getOutputStream());
        }
    }
}
