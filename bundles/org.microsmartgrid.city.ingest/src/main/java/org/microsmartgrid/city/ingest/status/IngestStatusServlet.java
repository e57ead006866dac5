package org.microsmartgrid.city.ingest.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.microsmartgrid.city.ingest.IngestMonitor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Operators' view of the ingest: GET /city/status (JSON) and GET /metrics (Prometheus text). Read-only; counts
 * only, no module's data.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/city/status", "/metrics"})
@HttpWhiteboardServletName("msg-city-ingest-status")
public final class IngestStatusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    @Reference
    private transient IngestMonitor monitor;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Long> counters = monitor.counters();
        Map<String, Long> gauges = monitor.gauges();
        resp.setHeader("Cache-Control", "no-store");
        if ("/metrics".equals(req.getServletPath())) {
            resp.setContentType(PrometheusText.CONTENT_TYPE);
            resp.getOutputStream().write(PrometheusText.render(counters, gauges).getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ingest", counters);
        body.put("now", gauges);
        resp.setContentType("application/json; charset=utf-8");
        resp.getOutputStream().write(GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    }
}
