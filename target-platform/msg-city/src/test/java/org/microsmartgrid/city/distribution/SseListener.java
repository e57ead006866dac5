package org.microsmartgrid.city.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A server-sent events client of the city's /api/v1/events: collects availability events as they arrive. */
final class SseListener implements AutoCloseable {

    record Event(long id, JsonObject data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;

    SseListener(URI uri) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) throw new IllegalStateException(uri + " → " + r.statusCode());
        body = r.body();
        reader = new Thread(this::read, "it-sse");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            long id = -1;
            String type = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("id: ")) id = Long.parseLong(line.substring(4));
                else if (line.startsWith("event: ")) type = line.substring(7);
                else if (line.startsWith("data: ") && "availability".equals(type))
                    events.add(new Event(id, JsonParser.parseString(line.substring(6)).getAsJsonObject()));
                else if (line.isEmpty()) type = null;
            }
        } catch (IOException closed) {
            // the test closed the stream
        }
    }

    /** The first event that matches, waiting at most {@code wait}; earlier events must have smaller ids. */
    Event await(Predicate<JsonObject> match, Duration wait) throws InterruptedException {
        Instant end = Instant.now().plus(wait);
        long last = -1;
        while (Instant.now().isBefore(end)) {
            Event e = events.poll(1, TimeUnit.SECONDS);
            if (e == null) continue;
            if (e.id() <= last) throw new AssertionError("event ids must grow: " + e.id() + " after " + last);
            last = e.id();
            if (match.test(e.data())) return e;
        }
        throw new AssertionError("no matching availability event within " + wait);
    }

    @Override
    public void close() throws Exception {
        body.close();
        reader.join(10_000);
    }
}
