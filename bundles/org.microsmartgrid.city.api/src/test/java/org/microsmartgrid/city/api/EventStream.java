package org.microsmartgrid.city.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A server-sent events client over real HTTP, parsing the stream as a browser's EventSource does (id, event, data,
 * comments), the opening exchange validated against openapi.yaml.
 */
final class EventStream implements AutoCloseable {

    record Event(String id, String type, String data) {
        JsonObject json() {
            return JsonParser.parseString(data).getAsJsonObject();
        }

        long number() {
            return Long.parseLong(id);
        }
    }

    /** Long enough for a loaded CI machine; a wait, not a speed requirement. */
    private static final long WAIT_S = 20;

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;

    EventStream(ApiServer server, ValidatedApi api, String bbox, String lastEventId) throws Exception {
        String path = "/api/v1/events?bbox=" + bbox;
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).GET();
        if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
        HttpResponse<InputStream> r = api.http().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        body = r.body();
        if (r.statusCode() != 200) {
            body.close();
            throw new IllegalStateException("events answered " + r.statusCode());
        }
        reader = new Thread(this::read, "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
        // the server subscribes before it writes its first comment: from here on no change is missed
        Object first = received.poll(WAIT_S, TimeUnit.SECONDS);
        if (!"comment".equals(first)) throw new IllegalStateException("stream did not open: " + first);
        // the exchange as far as it goes (a stream never ends): request, status, type and the first frame
        api.checkStreamOpened(path, "Last-Event-ID", lastEventId, r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(null), opening.toString());
    }

    /** The text of the stream up to its first comment. */
    private final StringBuilder opening = new StringBuilder();

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String type = "message";
            StringBuilder data = null;
            boolean toldComment = false;
            for (String line; (line = in.readLine()) != null; ) {
                if (!toldComment) opening.append(line).append('\n');
                if (line.isEmpty()) {
                    if (data != null) received.add(new Event(id, type, data.toString()));
                    id = null;
                    type = "message";
                    data = null;
                } else if (line.startsWith(":")) {
                    if (!toldComment) received.add("comment");
                    toldComment = true;
                } else if (line.startsWith("id: ")) id = line.substring(4);
                else if (line.startsWith("event: ")) type = line.substring(7);
                else if (line.startsWith("data: ")) data = data == null ? new StringBuilder(line.substring(6))
                        : data.append('\n').append(line.substring(6));
            }
            received.add("end");
        } catch (IOException e) {
            received.add("end");
        }
    }

    /** The next event; fails when none comes within a generous wait. */
    Event next() throws InterruptedException {
        Object o = received.poll(WAIT_S, TimeUnit.SECONDS);
        if (o instanceof Event e) return e;
        throw new AssertionError("no event, got " + o);
    }

    @Override
    public void close() throws IOException {
        body.close();
        try {
            reader.join(Duration.ofSeconds(WAIT_S).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
