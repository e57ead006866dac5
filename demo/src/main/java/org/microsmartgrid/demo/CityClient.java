package org.microsmartgrid.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** HTTP on loopback to a runtime of the demo (the city's API, a module's /status), JSON with Gson. */
final class CityClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    CityClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** An answer: its status code and its JSON body (null when the body is not JSON). */
    record Answer(int status, JsonElement json, String body) {
        JsonObject object() {
            return json != null && json.isJsonObject() ? json.getAsJsonObject() : new JsonObject();
        }
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** POSTs a JSON body (or nothing when null), with a bearer token when given. */
    Answer post(String path, JsonObject body, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        if (body != null) b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        else b.POST(HttpRequest.BodyPublishers.noBody());
        return send(b);
    }

    private Answer send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        JsonElement json = null;
        try {
            if (!r.body().isEmpty()) json = JsonParser.parseString(r.body());
        } catch (RuntimeException notJson) {
            json = null;
        }
        return new Answer(r.statusCode(), json, r.body());
    }

    /** GET path until it answers 200 (the runtime is up), or the deadline. */
    boolean awaitOk(String path, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (get(path).status() == 200) return true;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }
}
