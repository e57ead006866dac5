package org.microsmartgrid.city.people;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A client of the API as a browser page or an app would be: keeps the session cookie itself (the cookie is Secure,
 * the test server is plain HTTP on loopback), sends the CSRF token on unsafe requests, or a bearer token.
 */
public final class Client {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final TestCity city;
    public String cookie;
    public String csrf;
    public String bearer;
    public String origin;
    public String accountId;

    Client(TestCity city) {
        this.city = city;
    }

    public record Response(int status, String text, HttpResponse<byte[]> raw) {
        public JsonObject json() {
            JsonElement e = JsonParser.parseString(text);
            return e.getAsJsonObject();
        }

        public String type() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        public List<String> setCookies() {
            return raw.headers().allValues("Set-Cookie");
        }
    }

    public Response get(String path) throws Exception {
        return send("GET", path, (byte[]) null, "application/json");
    }

    public Response post(String path, String json) throws Exception {
        return send("POST", path, json, "application/json");
    }

    public Response put(String path, String json) throws Exception {
        return send("PUT", path, json, "application/json");
    }

    public Response delete(String path, String json) throws Exception {
        return send("DELETE", path, json, "application/json");
    }

    public Response send(String method, String path, String body, String contentType) throws Exception {
        return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    public Response send(String method, String path, byte[] body, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(city.uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null && contentType != null) b.header("Content-Type", contentType);
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        if (cookie != null) b.header("Cookie", "__Host-msg_session=" + cookie);
        if (csrf != null && !method.equals("GET")) b.header("X-CSRF-Token", csrf);
        if (origin != null) b.header("Origin", origin);
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        for (String sc : r.headers().allValues("Set-Cookie")) {
            if (sc.startsWith("__Host-msg_session=")) {
                String v = sc.substring("__Host-msg_session=".length(), sc.indexOf(';'));
                cookie = v.isEmpty() ? null : v;
            }
        }
        return new Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r);
    }

    public void signUpAndVerify(String email, String password, String name) throws Exception {
        Response r = post("/api/v1/account/signup", json("email", email, "password", password, "display_name", name));
        if (r.status() != 202) throw new AssertionError("sign-up: " + r.status() + " " + r.text());
        r = post("/api/v1/account/verify", json("token", city.lastCode(email)));
        if (r.status() != 200) throw new AssertionError("verify: " + r.status() + " " + r.text());
    }

    public Response loginCookie(String email, String password) throws Exception {
        Response r = post("/api/v1/account/login", json("email", email, "password", password));
        if (r.status() == 200) csrf = r.json().get("csrf_token").getAsString();
        return r;
    }

    public int loginBearer_status(String email, String password) throws Exception {
        return post("/api/v1/account/login", json("email", email, "password", password, "mode", "bearer")).status();
    }

    public Response loginBearer(String email, String password) throws Exception {
        Response r = post("/api/v1/account/login", json("email", email, "password", password, "mode", "bearer"));
        if (r.status() != 200) throw new AssertionError("login: " + r.status() + " " + r.text());
        bearer = r.json().get("token").getAsString();
        return r;
    }

    /** A JSON object from name/value pairs (Gson writes it: values are escaped as JSON requires). */
    public static String json(Object... kv) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v instanceof JsonElement e) o.add((String) kv[i], e);
            else if (v instanceof Number n) o.addProperty((String) kv[i], n);
            else if (v instanceof Boolean bo) o.addProperty((String) kv[i], bo);
            else o.addProperty((String) kv[i], (String) v);
        }
        return o.toString();
    }
}
