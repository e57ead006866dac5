package org.microsmartgrid.city.api;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.microsmartgrid.city.search.BoundingBox;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/v1/events?bbox=…}: the availability changes inside a box as server-sent events, resumable with
 * {@code Last-Event-ID} (docs/city-api.md). Servlet async with non-blocking writes on the runtime's own Jetty: a
 * client holds no thread; at most {@code sse.clients.max} at once.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/events")
@HttpWhiteboardServletName("msg-city-events")
@HttpWhiteboardServletAsyncSupported
public final class EventsServlet extends ReadOnlyServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EventsServlet.class);
    private static final int MAX_EVENT_ID_CHARS = 20;

    private final AtomicInteger clients = new AtomicInteger();

    @Reference
    private transient LiveRegistry live;

    public EventsServlet() {
    }

    EventsServlet(LiveRegistry live) {
        this.live = live;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            Answers.publicHeaders(resp);
            Answers.checkQueryLength(req);
            BoundingBox box = SearchParams.bbox(new Params(req.getParameterMap(), Set.of("bbox")), true);
            Long lastId = lastEventId(req.getHeader("Last-Event-ID"));
            if (clients.incrementAndGet() > live.config().sse_clients_max()) {
                clients.decrementAndGet();
                resp.setHeader("Retry-After", "30");
                throw new Problem.Raised(new Problem(503, "Servizio occupato / Service busy",
                        "troppi client collegati, riprovare / too many clients connected, retry later"));
            }
            stream(req, resp, box, lastId);
        } catch (Problem.Raised p) {
            Answers.problem(resp, p.problem, req.getRequestURI());
        } catch (RuntimeException e) {
            LOG.error("events failed", e);
            Answers.problem(resp, new Problem(500, "Errore interno / Internal error", "riprovare / try again"),
                    req.getRequestURI());
        }
    }

    private void stream(HttpServletRequest req, HttpServletResponse resp, BoundingBox box, Long lastId)
            throws IOException {
        resp.setStatus(200);
        resp.setContentType("text/event-stream; charset=utf-8");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("X-Accel-Buffering", "no"); // a proxy must not hold events back
        AsyncContext async = req.startAsync();
        async.setTimeout(0); // lives until the client goes; heartbeats keep idle connections open
        SseClient client = new SseClient(box, live.config().sse_client_queue(), async, live.writer(), c -> {
            live.feed().unsubscribe(c);
            clients.decrementAndGet();
        });
        async.addListener(client);
        client.offer("retry: 3000\n: " + "flusso di disponibilità / availability stream\n\n");
        if (!live.feed().subscribe(client, lastId)) {
            // the replay alone overflows its queue: start over from a reload instead
            client.close();
            return;
        }
        client.start(resp.getOutputStream());
    }

    /** The id of the last event the client saw, or null; a malformed one counts as unknown (reload). */
    private static Long lastEventId(String header) {
        if (header == null || header.isBlank()) return null;
        String h = header.strip();
        if (h.length() > MAX_EVENT_ID_CHARS || !h.chars().allMatch(Character::isDigit)) return -1L;
        try {
            return Long.parseLong(h);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Answers.publicHeaders(resp);
        resp.setContentType("text/event-stream; charset=utf-8");
    }

}
