package org.microsmartgrid.host.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The open server-sent-event streams of the live flow. Each is an asynchronous request, so an open page holds no
 * Jetty thread (the module runs Jetty with 6); one timer thread writes the same event to all every tick. A stream
 * whose browser has gone fails its write and is dropped.
 */
final class EventStreams {
    /** Phones of the building, not the public: a bound on what a script can make us hold open. */
    static final int MAX_STREAMS = 16;
    private final List<AsyncContext> streams = new CopyOnWriteArrayList<>();

    /** @return false when too many streams are open */
    boolean open(HttpServletRequest req, HttpServletResponse resp, String first) throws IOException {
        if (streams.size() >= MAX_STREAMS) return false;
        resp.setContentType("text/event-stream;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        streams.add(async);
        if (!send(async, first)) streams.remove(async);
        return true;
    }

    void broadcast(Supplier<String> json) {
        if (streams.isEmpty()) return;
        String event = json.get();
        for (AsyncContext a : streams) if (!send(a, event)) streams.remove(a);
    }

    int size() {
        return streams.size();
    }

    void closeAll() {
        for (AsyncContext a : streams) {
            try {
                a.complete();
            } catch (RuntimeException ignored) {
                // already completed by the container
            }
        }
        streams.clear();
    }

    private static boolean send(AsyncContext a, String json) {
        try {
            ServletOutputStream out = a.getResponse().getOutputStream();
            out.write(("event: flow\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException | RuntimeException e) {
            try {
                a.complete();
            } catch (RuntimeException ignored) {
                // the browser has gone
            }
            return false;
        }
    }
}
