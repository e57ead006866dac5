package org.microsmartgrid.city.kapua.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A client of Kapua's REST API ({@code /v1}, JSON): logs in by user and password or API key, sends the access token
 * as {@code Authorization: Bearer}, refreshes it a minute before it expires and once more on a 401 (a token Kapua
 * invalidated, or a clock that disagrees), pages through lists with {@code offset}/{@code limit}. Thread-safe.
 *
 * <p>Kapua's answers are read as JSON trees (Gson), the way the OpenAPI documents describe them: the fields the city
 * uses are picked by name and the rest ignored, so a newer Kapua with more fields changes nothing.
 */
public final class KapuaClient {

    /** Refresh this long before the token's expiry: a request never leaves with a token about to die. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
    /** The largest answer read (a page of 100 devices with their connections is some hundred kB). */
    static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;
    private static final ExecutorService BODY_READER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "msg-kapua-answer");
        t.setDaemon(true);
        return t;
    });

    private final URI base;
    private final KapuaLogin login;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private final int maxAnswerBytes;
    private Token token; // guarded by this

    /** The session Kapua gave: the JWT, its refresh token and when each expires. */
    record Token(String tokenId, String refreshToken, Instant expiresOn, Instant refreshExpiresOn) {
        @Override
        public String toString() {
            return "Token[expires " + expiresOn + "]"; // never the secrets
        }
    }

    /**
     * @param apiUrl  Kapua's REST API up to and including {@code /v1}, e.g. {@code https://kapua.example:8081/v1}
     * @param login   user and password, or API key
     * @param timeout for connecting and for each answer
     */
    public KapuaClient(String apiUrl, KapuaLogin login, Duration timeout, Clock clock) {
        this(apiUrl, login, timeout, clock, MAX_ANSWER_BYTES);
    }

    KapuaClient(String apiUrl, KapuaLogin login, Duration timeout, Clock clock, int maxAnswerBytes) {
        this.maxAnswerBytes = maxAnswerBytes;
        String u = apiUrl == null ? "" : apiUrl.strip();
        if (!u.startsWith("http://") && !u.startsWith("https://"))
            throw new IllegalArgumentException("Kapua's API URL must be http(s)://host:port/v1: '" + u + "'");
        this.base = URI.create(u.endsWith("/") ? u : u + "/");
        this.login = login;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** {@code GET}: a JSON object. */
    public JsonObject get(String path, Map<String, ?> query) throws KapuaException {
        return send("GET", path, query, null).getAsJsonObject();
    }

    /** {@code POST} a JSON body: Kapua's answer (the created entity). */
    public JsonObject post(String path, JsonElement body) throws KapuaException {
        return send("POST", path, Map.of(), body).getAsJsonObject();
    }

    /**
     * {@code POST} a JSON body with query parameters, waiting at most {@code answerTimeout} for the answer (instead of
     * the client's timeout): for a call that lasts as long as Kapua waits for a device. Sent once; a 401 only makes a
     * new session and one more try (Kapua refused it before doing anything).
     */
    public JsonObject post(String path, Map<String, ?> query, JsonElement body, Duration answerTimeout)
            throws KapuaException {
        return send("POST", path, query, body, answerTimeout).getAsJsonObject();
    }

    /** {@code PUT} a JSON body: the updated entity. */
    public JsonObject put(String path, JsonElement body) throws KapuaException {
        return send("PUT", path, Map.of(), body).getAsJsonObject();
    }

    public void delete(String path) throws KapuaException {
        send("DELETE", path, Map.of(), null);
    }

    /**
     * Every item of a list, page by page ({@code offset}, {@code limit}) while Kapua says there are more
     * ({@code limitExceeded}).
     */
    public List<JsonObject> list(String path, Map<String, ?> query, int pageSize) throws KapuaException {
        if (pageSize < 1) throw new IllegalArgumentException("page size " + pageSize);
        List<JsonObject> all = new ArrayList<>();
        for (int offset = 0; ; ) {
            Map<String, Object> q = new LinkedHashMap<>(query);
            q.put("offset", Integer.toString(offset));
            q.put("limit", Integer.toString(pageSize));
            JsonObject page = get(path, q);
            List<JsonObject> items = new ArrayList<>();
            if (page.has("items")) page.getAsJsonArray("items").forEach(i -> items.add(i.getAsJsonObject()));
            all.addAll(items);
            boolean more = page.has("limitExceeded") && page.get("limitExceeded").getAsBoolean();
            if (!more || items.isEmpty()) return all;
            offset += items.size();
        }
    }

    /** Forgets the session (the next call logs in again). */
    public synchronized void logout() {
        token = null;
    }

    private JsonElement send(String method, String path, Map<String, ?> query, JsonElement body)
            throws KapuaException {
        return send(method, path, query, body, timeout);
    }

    private JsonElement send(String method, String path, Map<String, ?> query, JsonElement body, Duration wait)
            throws KapuaException {
        String bearer = bearer(false);
        Answer r = exchange(method, path, query, body, bearer, wait);
        if (r.statusCode() == 401) { // invalidated or expired early: one new session, one more try
            bearer = bearer(true);
            r = exchange(method, path, query, body, bearer, wait);
        }
        return answer(method, path, r);
    }

    private synchronized String bearer(boolean afterUnauthorized) throws KapuaException {
        Instant now = clock.instant();
        if (token != null && !afterUnauthorized && now.isBefore(token.expiresOn().minus(REFRESH_MARGIN)))
            return token.tokenId();
        if (token != null && token.refreshToken() != null && now.isBefore(token.refreshExpiresOn())) {
            try {
                token = refresh(token);
                return token.tokenId();
            } catch (KapuaException e) {
                if (e.status() != 401 && e.status() != 403) throw e; // refresh refused: log in again below
            }
        }
        token = login();
        return token.tokenId();
    }

    private Token login() throws KapuaException {
        JsonObject body = new JsonObject();
        String path;
        if (login.withApiKey()) {
            path = "authentication/apikey";
            body.addProperty("apiKey", login.apiKey());
        } else {
            path = "authentication/user";
            body.addProperty("username", login.username());
            body.addProperty("password", login.password());
        }
        return token(answer("POST", path, exchange("POST", path, Map.of(), body, null)).getAsJsonObject());
    }

    private Token refresh(Token old) throws KapuaException {
        JsonObject body = new JsonObject();
        body.addProperty("tokenId", old.tokenId());
        body.addProperty("refreshToken", old.refreshToken());
        String path = "authentication/refresh";
        return token(answer("POST", path, exchange("POST", path, Map.of(), body, null)).getAsJsonObject());
    }

    private static Token token(JsonObject t) throws KapuaException {
        try {
            return new Token(t.get("tokenId").getAsString(),
                    t.has("refreshToken") ? t.get("refreshToken").getAsString() : null,
                    Instant.parse(t.get("expiresOn").getAsString()),
                    t.has("refreshExpiresOn") ? Instant.parse(t.get("refreshExpiresOn").getAsString()) : Instant.MIN);
        } catch (RuntimeException e) {
            throw new KapuaException(502, "Kapua's access token has no tokenId or expiresOn: " + e.getMessage(), e);
        }
    }

    private record Answer(int statusCode, String body) {
    }

    private Answer exchange(String method, String path, Map<String, ?> query, JsonElement body,
                                          String bearer) throws KapuaException {
        return exchange(method, path, query, body, bearer, timeout);
    }

    private Answer exchange(String method, String path, Map<String, ?> query, JsonElement body,
                            String bearer, Duration timeout) throws KapuaException {
        URI uri = base.resolve(path + queryString(query));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        if (body != null) b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        try {
            HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                // the request's timeout ends with the headers: the body gets its own, and a size cap
                Future<byte[]> reading = BODY_READER.submit(() -> in.readNBytes(maxAnswerBytes + 1));
                byte[] answer;
                try {
                    answer = reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    reading.cancel(true);
                    throw new KapuaException(0, method + " " + path + ": Kapua's answer did not end within "
                            + timeout.toSeconds() + " s", e);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
                if (answer.length > maxAnswerBytes)
                    throw new KapuaException(502, method + " " + path + ": Kapua's answer is larger than "
                            + maxAnswerBytes + " bytes", null);
                return new Answer(r.statusCode(), new String(answer, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new KapuaException(0, "Kapua not reachable at " + base + " (" + method + " " + path + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KapuaException(0, "interrupted: " + method + " " + path, e);
        }
    }

    private static JsonElement answer(String method, String path, Answer r) throws KapuaException {
        int s = r.statusCode();
        if (s >= 200 && s < 300) {
            if (r.body() == null || r.body().isBlank()) return new JsonObject();
            try {
                JsonElement e = JsonParser.parseString(r.body());
                if (!e.isJsonObject()) throw new JsonParseException("not a JSON object");
                return e;
            } catch (JsonParseException e) {
                throw new KapuaException(502, method + " " + path + ": Kapua's answer is not JSON", e, true);
            }
        }
        throw new KapuaException(s, method + " " + path + " → " + s + kapuaMessage(r.body()), null);
    }

    /** Kapua's own error text ({@code exceptionInfo.message}), if the body is one. */
    private static String kapuaMessage(String body) {
        try {
            JsonObject e = JsonParser.parseString(body).getAsJsonObject();
            String code = e.has("kapuaErrorCode") ? e.get("kapuaErrorCode").getAsString() + ": " : "";
            return e.has("message") ? " (" + code + e.get("message").getAsString() + ")" : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String queryString(Map<String, ?> query) {
        if (query == null || query.isEmpty()) return "";
        // a list value is a repeated parameter (Kapua's fetchAttributes=connection&fetchAttributes=lastEvent)
        return "?" + query.entrySet().stream().flatMap(e -> (e.getValue() instanceof Collection<?> c ? c.stream()
                        : java.util.stream.Stream.of(e.getValue())).map(v -> enc(e.getKey()) + "=" + enc(String.valueOf(v))))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The path segment of a scope or entity id (compact ids are base64url: nothing to escape, but be sure). */
    public static String seg(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
