package org.microsmartgrid.city.kapua.standin;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A stand-in for Kapua's REST API on loopback: the part the city runtime and the provisioning tool use, answering as
 * Kapua's OpenAPI documents describe, with Kapua's rules where the tests need them (access tokens that expire and
 * refresh, {@code _} for the caller's scope, paging by {@code offset}/{@code limit} with {@code limitExceeded}, 409 for
 * a permission a role already has). Every request it receives and every answer it gives is checked by Atlassian's
 * OpenAPI validator against Kapua's documents; {@link #violations()} lists what did not match.
 */
public final class KapuaStandIn implements AutoCloseable {

    public static final String SYS_SCOPE = "AQ"; // kapua-sys, id 1

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong(100);
    /** scope id → collection → entities, in creation order. */
    private final Map<String, Map<String, List<JsonObject>>> data = new ConcurrentHashMap<>();
    private final Map<String, String[]> passwords = new ConcurrentHashMap<>(); // user → {password, scopeId}
    private final Map<String, String[]> apiKeys = new ConcurrentHashMap<>();   // key → {user, scopeId}
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();   // tokenId → session
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<String> writes = new CopyOnWriteArrayList<>();
    public final AtomicInteger logins = new AtomicInteger();
    public final AtomicInteger refreshes = new AtomicInteger();
    public final AtomicInteger unauthorized = new AtomicInteger();
    public final AtomicInteger deviceListPages = new AtomicInteger();
    private volatile Duration tokenTtl = Duration.ofMinutes(30);
    private volatile Predicate<String> conflictOnce = p -> false;
    /** client id → what the module replies to a device request (the reply's payload), null: it does not reply. */
    private final Map<String, Function<JsonObject, JsonObject>> modules = new ConcurrentHashMap<>();
    private final List<DeviceRequest> deviceRequests = new CopyOnWriteArrayList<>();
    private volatile Duration stall = Duration.ZERO;
    private volatile String rawAnswerOnce;

    /** A device request Kapua accepted and sent to the module: its device, Kapua's timeout, the requestInput. */
    public record DeviceRequest(String clientId, long timeoutMs, JsonObject requestInput) {
    }

    private record Session(String user, String scopeId, Instant expiresOn, String refreshToken, Instant refreshExpiresOn) {
    }

    public KapuaStandIn(Clock clock) throws Exception {
        this.clock = clock;
        KapuaOpenApi.validator(); // parsed before the first request (seconds), not within a client's timeout
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new Api()), "/v1/*");
        server.setHandler(context);
        server.start();
    }

    /** {@code http://127.0.0.1:{port}/v1}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + connector.getLocalPort() + "/v1";
    }

    public void addUser(String name, String password, String scopeId) {
        passwords.put(name, new String[] {password, scopeId});
    }

    public void addApiKey(String key, String user, String scopeId) {
        apiKeys.put(key, new String[] {user, scopeId});
    }

    public void tokenTtl(Duration ttl) {
        tokenTtl = ttl;
    }

    /** Kapua forgets every session (a restart, a logout elsewhere): the next request with one gets 401. */
    public void invalidateSessions() {
        sessions.clear();
    }

    /**
     * The next POST to a path this accepts answers 409 once, as if a concurrent run had just created the same thing
     * (which is then stored, as the other run's would be).
     */
    public void conflictOnceOn(Predicate<String> path) {
        conflictOnce = path;
    }

    /** A device as Kapua holds it after the module's BIRTH, with its connection. */
    public JsonObject addDevice(String scopeId, String clientId, String displayName, String connectionStatus,
                                Instant connectionChanged) {
        JsonObject d = entity("device", scopeId);
        d.addProperty("clientId", clientId);
        d.addProperty("status", "ENABLED");
        if (displayName != null) d.addProperty("displayName", displayName);
        d.addProperty("serialNumber", "SN-" + clientId);
        d.addProperty("firmwareVersion", "1.0.0");
        d.add("tagIds", new JsonArray());
        d.add("groupIds", new JsonArray());
        if (connectionStatus != null) {
            JsonObject c = entity("deviceConnection", scopeId);
            c.addProperty("status", connectionStatus);
            c.addProperty("clientId", clientId);
            c.addProperty("modifiedOn", connectionChanged.toString());
            c.addProperty("protocol", "MQTT");
            d.addProperty("connectionId", c.get("id").getAsString());
            d.add("connection", c);
        }
        list(scopeId, "devices").add(d);
        return d;
    }

    /** Changes a device's connection (the module connected or left). */
    public void setConnection(String scopeId, String clientId, String status, Instant at) {
        for (JsonObject d : list(scopeId, "devices"))
            if (d.get("clientId").getAsString().equals(clientId)) {
                JsonObject c = d.getAsJsonObject("connection");
                c.addProperty("status", status);
                c.addProperty("modifiedOn", at.toString());
            }
    }

    /**
     * What the module with this client id replies to Kapua's device requests: the reply's Kapua payload
     * ({@code metrics}: name, valueType, value), or null for no reply (Kapua then answers its timeout error when the
     * request's {@code timeout} has passed, as DeviceCallBuilder does).
     */
    public void moduleReplies(String clientId, Function<JsonObject, JsonObject> reply) {
        modules.put(clientId, reply);
    }

    /** Kapua itself takes this long before it even looks at a device request (an overloaded Kapua). */
    public void stallDeviceRequests(Duration d) {
        stall = d;
    }

    /** The next device request is answered 200 with this body, whatever the module says (a broken proxy). */
    public void answerRawOnce(String body) {
        rawAnswerOnce = body;
    }

    /** The device requests Kapua accepted and sent on, in order. */
    public List<DeviceRequest> deviceRequests() {
        return List.copyOf(deviceRequests);
    }

    /** The entities of a collection in a scope (a copy). */
    public List<JsonObject> entities(String scopeId, String collection) {
        return List.copyOf(list(scopeId, collection));
    }

    /** Every write (POST, PUT, DELETE) received, as "METHOD path". */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    /** The requests and answers that did not match Kapua's OpenAPI documents. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private List<JsonObject> list(String scopeId, String collection) {
        return data.computeIfAbsent(scopeId, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(collection, c -> new CopyOnWriteArrayList<>());
    }

    private String newId() {
        byte[] b = BigInteger.valueOf(ids.incrementAndGet()).toByteArray();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private JsonObject entity(String type, String scopeId) {
        JsonObject e = new JsonObject();
        e.addProperty("type", type);
        e.addProperty("id", newId());
        e.addProperty("scopeId", scopeId);
        String now = clock.instant().toString();
        e.addProperty("createdOn", now);
        e.addProperty("createdBy", SYS_SCOPE);
        e.addProperty("modifiedOn", now);
        e.addProperty("modifiedBy", SYS_SCOPE);
        e.addProperty("optlock", 1);
        return e;
    }

    /** A JWT-shaped token id (Kapua's is a signed JWT; the city never reads inside it). */
    private static String jwt() {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        return b.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b.encodeToString(("{\"jti\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8)) + ".x";
    }

    private record Answer(int status, JsonElement body) {
    }

    private final class Api extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String body = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String path = req.getRequestURI().substring("/v1/".length());
            Map<String, List<String>> query = query(req.getQueryString());
            Answer a;
            try {
                a = handle(req.getMethod(), path, query, body, req.getHeader("Authorization"));
            } catch (RuntimeException e) {
                a = error(500, "INTERNAL_ERROR", e.toString());
            }
            String out = a.body() == null ? "" : a.body().toString();
            String raw = a.status() == 200 && path.endsWith("/requests") ? rawAnswerOnce : null;
            if (raw != null) {
                rawAnswerOnce = null;
                out = raw; // not Kapua's answer: not validated
            } else {
                validate(req, path, query, body, a.status(), out);
            }
            resp.setStatus(a.status());
            if (!out.isEmpty()) {
                resp.setContentType("application/json");
                resp.setCharacterEncoding("UTF-8");
                resp.getWriter().write(out);
            }
        }
    }

    private void validate(HttpServletRequest req, String path, Map<String, List<String>> query, String body,
                          int status, String out) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(req.getMethod(), "/v1/" + path);
        query.forEach((k, v) -> b.withQueryParam(k, v));
        if (req.getHeader("Authorization") != null) b.withAuthorization(req.getHeader("Authorization"));
        if (req.getContentType() != null) b.withContentType(req.getContentType());
        if (!body.isEmpty()) b.withBody(body);
        Request request = b.build();
        SimpleResponse.Builder r = SimpleResponse.Builder.status(status);
        if (!out.isEmpty()) r.withContentType("application/json").withBody(out);
        ValidationReport report = KapuaOpenApi.validator().validate(request, r.build());
        if (report.hasErrors())
            violations.add(req.getMethod() + " /v1/" + path + " " + query + " → " + status + ": " + report.getMessages());
    }

    private static Map<String, List<String>> query(String q) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (q == null || q.isEmpty()) return m;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return m;
    }

    private Answer handle(String method, String path, Map<String, List<String>> query, String body, String auth) {
        if (method.equals("POST") && path.startsWith("authentication/")) return authenticate(path, body);
        Session s = auth != null && auth.startsWith("Bearer ") ? sessions.get(auth.substring(7)) : null;
        if (s == null || !clock.instant().isBefore(s.expiresOn())) {
            unauthorized.incrementAndGet();
            return new Answer(401, null); // Kapua's 401 has no body (the documents' "unauthenticated")
        }
        String[] p = path.split("/");
        String scope = p[0].equals("_") ? s.scopeId() : p[0];
        if (!method.equals("GET")) writes.add(method + " " + path);
        if (p.length == 2 && method.equals("GET")) return page(scope, p[1], query);
        if (p.length == 2 && method.equals("POST")) return create(scope, p[1], body, path);
        if (p.length == 3 && method.equals("PUT") && p[1].equals("devices")) return updateDevice(scope, p[2], body);
        if (p.length == 4 && method.equals("GET")) return page(scope, p[1] + "/" + p[2] + "/" + p[3], query);
        if (p.length == 4 && method.equals("POST") && p[1].equals("devices") && p[3].equals("requests"))
            return deviceRequest(scope, p[2], query, body);
        if (p.length == 4 && method.equals("POST")) return createChild(scope, p[1], p[2], p[3], body, path);
        return error(404, "ENTITY_NOT_FOUND", "no such resource: " + path);
    }

    private Answer authenticate(String path, String body) {
        JsonObject in = JsonParser.parseString(body).getAsJsonObject();
        String user;
        String scope;
        switch (path) {
            case "authentication/user" -> {
                String[] pw = passwords.get(in.get("username").getAsString());
                if (pw == null || !pw[0].equals(in.get("password").getAsString())) return new Answer(401, null);
                user = in.get("username").getAsString();
                scope = pw[1];
                logins.incrementAndGet();
            }
            case "authentication/apikey" -> {
                String[] k = apiKeys.get(in.get("apiKey").getAsString());
                if (k == null) return new Answer(401, null);
                user = k[0];
                scope = k[1];
                logins.incrementAndGet();
            }
            case "authentication/refresh" -> {
                // Kapua: the old token, even expired, with its still valid refresh token; the old one is invalidated
                Session old = sessions.remove(in.get("tokenId").getAsString());
                if (old == null || !old.refreshToken().equals(in.get("refreshToken").getAsString())
                        || !clock.instant().isBefore(old.refreshExpiresOn())) return new Answer(401, null);
                user = old.user();
                scope = old.scopeId();
                refreshes.incrementAndGet();
            }
            default -> {
                return error(404, "ENTITY_NOT_FOUND", path);
            }
        }
        Instant now = clock.instant();
        Session s = new Session(user, scope, now.plus(tokenTtl), UUID.randomUUID().toString(),
                now.plus(tokenTtl.multipliedBy(10)));
        String tokenId = jwt();
        sessions.put(tokenId, s);
        JsonObject t = entity("accessToken", scope);
        t.addProperty("userId", SYS_SCOPE);
        t.addProperty("tokenId", tokenId);
        t.addProperty("expiresOn", s.expiresOn().toString());
        t.addProperty("refreshToken", s.refreshToken());
        t.addProperty("refreshExpiresOn", s.refreshExpiresOn().toString());
        return new Answer(200, t);
    }

    private static final Map<String, String> LIST_TYPES = Map.of("devices", "deviceListResult", "accounts",
            "accountListResult", "tags", "tagListResult", "groups", "groupListResult", "roles", "roleListResult",
            "users", "userListResult", "credentials", "credentialListResult", "accessinfos", "accessInfoListResult");

    private Answer page(String scope, String collection, Map<String, List<String>> q) {
        List<JsonObject> all = new ArrayList<>(list(scope, collection));
        for (String filter : List.of("name", "clientId", "userId")) {
            String v = q.containsKey(filter) ? q.get(filter).get(0) : null;
            if (v != null) all.removeIf(e -> !e.has(filter) || !e.get(filter).getAsString().equals(v));
        }
        int offset = q.containsKey("offset") ? Integer.parseInt(q.get("offset").get(0)) : 0;
        int limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit").get(0)) : 50;
        if (collection.equals("devices")) deviceListPages.incrementAndGet();
        List<String> fetch = q.getOrDefault("fetchAttributes", List.of());
        JsonArray items = new JsonArray();
        for (JsonObject e : all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))) {
            JsonObject copy = e.deepCopy();
            if (collection.equals("devices") && !fetch.contains("connection")) copy.remove("connection");
            items.add(copy);
        }
        JsonObject r = new JsonObject();
        String type = LIST_TYPES.get(collection);
        if (type == null)
            type = collection.endsWith("/permissions") ? "rolePermissionListResult" : "accessRoleListResult";
        r.addProperty("type", type);
        r.addProperty("limitExceeded", offset + limit < all.size());
        r.addProperty("size", items.size());
        r.add("items", items);
        return new Answer(200, r);
    }

    private static final Map<String, String> TYPES = Map.of("accounts", "account", "tags", "tag", "groups", "group",
            "roles", "role", "users", "user", "credentials", "credential", "accessinfos", "accessInfo");

    private Answer create(String scope, String collection, String body, String path) {
        JsonObject in = JsonParser.parseString(body).getAsJsonObject();
        String type = TYPES.get(collection);
        if (type == null) return error(404, "ENTITY_NOT_FOUND", collection);
        if (in.has("name") && list(scope, collection).stream().anyMatch(e -> e.has("name")
                && e.get("name").getAsString().equals(in.get("name").getAsString())))
            return error(400, "ILLEGAL_ARGUMENT", "duplicate name"); // Kapua: a duplicate name is refused
        JsonObject e = entity(type, scope);
        for (Map.Entry<String, JsonElement> f : in.entrySet()) {
            switch (f.getKey()) {
                case "credentialKey", "password" -> { } // Kapua never answers a secret
                case "organizationName" -> organization(e).add("name", f.getValue());
                case "organizationEmail" -> organization(e).add("email", f.getValue());
                case "roleIds", "permissions" -> { }
                default -> e.add(f.getKey(), f.getValue());
            }
        }
        if (collection.equals("accounts")) {
            e.addProperty("parentAccountPath", "/1/" + new BigInteger(1, Base64.getUrlDecoder().decode(e.get("id").getAsString())));
        }
        if (collection.equals("credentials")) {
            e.addProperty("loginFailures", 0);
        }
        list(scope, collection).add(e);
        if (collection.equals("accessinfos") && in.has("roleIds"))
            for (JsonElement r : in.getAsJsonArray("roleIds")) accessRole(scope, e.get("id").getAsString(), r.getAsString());
        if (collection.equals("roles") && in.has("permissions"))
            for (JsonElement perm : in.getAsJsonArray("permissions"))
                rolePermission(scope, e.get("id").getAsString(), perm.getAsJsonObject());
        return new Answer(201, e);
    }

    private static JsonObject organization(JsonObject e) {
        if (!e.has("organization")) e.add("organization", new JsonObject());
        return e.getAsJsonObject("organization");
    }

    private Answer createChild(String scope, String parents, String parentId, String children, String body, String path) {
        JsonObject in = JsonParser.parseString(body).getAsJsonObject();
        if (parents.equals("roles") && children.equals("permissions")) {
            JsonObject perm = in.getAsJsonObject("permission");
            boolean had = list(scope, "roles/" + parentId + "/permissions").stream()
                    .anyMatch(e -> samePermission(e.getAsJsonObject("permission"), perm));
            if (conflictOnce.test(path) && !had) { // a concurrent run was quicker: stored, and 409 to this one
                conflictOnce = p -> false;
                rolePermission(scope, parentId, perm);
                had = true;
            }
            if (had) return error(409, "ENTITY_UNIQUENESS", "the role already has " + perm);
            return new Answer(201, rolePermission(scope, parentId, perm));
        }
        if (parents.equals("accessinfos") && children.equals("roles"))
            return new Answer(201, accessRole(scope, parentId, in.get("roleId").getAsString()));
        return error(404, "ENTITY_NOT_FOUND", path);
    }

    private static boolean samePermission(JsonObject a, JsonObject b) {
        return a.get("domain").equals(b.get("domain")) && a.get("action").equals(b.get("action"));
    }

    private JsonObject rolePermission(String scope, String roleId, JsonObject perm) {
        JsonObject e = entity("rolePermission", scope);
        e.addProperty("roleId", roleId);
        e.add("permission", perm.deepCopy());
        list(scope, "roles/" + roleId + "/permissions").add(e);
        return e;
    }

    private JsonObject accessRole(String scope, String accessInfoId, String roleId) {
        JsonObject e = entity("accessRole", scope);
        e.addProperty("accessInfoId", accessInfoId);
        e.addProperty("roleId", roleId);
        list(scope, "accessinfos/" + accessInfoId + "/roles").add(e);
        return e;
    }

    private Answer updateDevice(String scope, String id, String body) {
        JsonObject in = JsonParser.parseString(body).getAsJsonObject();
        for (JsonObject d : list(scope, "devices"))
            if (d.get("id").getAsString().equals(id)) {
                for (String f : List.of("tagIds", "groupIds", "displayName"))
                    if (in.has(f)) d.add(f, in.get(f));
                d.addProperty("optlock", d.get("optlock").getAsInt() + 1);
                JsonObject copy = d.deepCopy();
                copy.remove("connection");
                return new Answer(200, copy);
            }
        return error(404, "ENTITY_NOT_FOUND", "device " + id);
    }

    /**
     * Kapua's DeviceRequestManagementService: the device must exist (404) and be CONNECTED (409, Kapua's
     * DeviceNotConnectedException); the request goes to the module as {@code $EDC/{account}/{client}/
     * {appName}-{version}/EXEC/{resources}}; its reply is answered as a requestOutput, or, without a reply within
     * {@code timeout} ms, Kapua's DeviceManagementTimeoutException (500).
     */
    private Answer deviceRequest(String scope, String deviceId, Map<String, List<String>> query, String body) {
        sleep(stall);
        JsonObject device = list(scope, "devices").stream().filter(d -> d.get("id").getAsString().equals(deviceId))
                .findFirst().orElse(null);
        if (device == null) return error(404, "ENTITY_NOT_FOUND", "device " + deviceId);
        String clientId = device.get("clientId").getAsString();
        JsonObject connection = device.has("connection") ? device.getAsJsonObject("connection") : null;
        String status = connection == null ? "null" : connection.get("status").getAsString();
        if (!"CONNECTED".equals(status)) {
            Answer a = error(409, "DEVICE_NOT_CONNECTED", "The device " + deviceId + " is not CONNECTED. Current "
                    + "device connection status is: " + status);
            JsonObject e = a.body().getAsJsonObject();
            e.addProperty("type", "deviceNotConnectedExceptionInfo");
            e.addProperty("deviceId", deviceId);
            return a;
        }
        long timeout = query.containsKey("timeout") ? Long.parseLong(query.get("timeout").get(0)) : 30_000;
        JsonObject in = JsonParser.parseString(body).getAsJsonObject();
        deviceRequests.add(new DeviceRequest(clientId, timeout, in));
        Function<JsonObject, JsonObject> module = modules.get(clientId);
        JsonObject reply = module == null ? null : module.apply(in);
        if (reply == null) {
            sleep(Duration.ofMillis(timeout));
            Answer a = error(500, "TIMEOUT", "The request has not been completed within the timeout: " + timeout);
            a.body().getAsJsonObject().addProperty("type", "deviceManagementTimeoutExceptionInfo");
            return a;
        }
        JsonObject out = new JsonObject();
        out.addProperty("id", UUID.randomUUID().toString());
        out.addProperty("scopeId", scope);
        out.addProperty("deviceId", deviceId);
        out.addProperty("clientId", clientId);
        String now = clock.instant().toString();
        out.addProperty("receivedOn", now);
        out.addProperty("sentOn", now);
        out.addProperty("capturedOn", now);
        JsonObject channel = new JsonObject();
        JsonObject asked = in.getAsJsonObject("channel");
        channel.add("appName", asked.get("appName"));
        channel.add("version", asked.get("version"));
        out.add("channel", channel);
        out.add("payload", reply);
        // Kapua's responseCode: only the four codes Kura's response codes know (KuraResponseCode), else none
        for (JsonElement m : reply.has("metrics") ? reply.getAsJsonArray("metrics") : new JsonArray())
            if (m.isJsonObject() && "response.code".equals(m.getAsJsonObject().get("name").getAsString())) {
                String code = switch (m.getAsJsonObject().get("value").getAsString()) {
                    case "200" -> "ACCEPTED";
                    case "400" -> "BAD_REQUEST";
                    case "404" -> "NOT_FOUND";
                    case "500" -> "INTERNAL_ERROR";
                    default -> null;
                };
                if (code != null) out.addProperty("responseCode", code);
            }
        return new Answer(200, out);
    }

    private static void sleep(Duration d) {
        if (d.isZero()) return;
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Answer error(int status, String code, String message) {
        JsonObject e = new JsonObject();
        e.addProperty("type", status == 409 ? "entityUniquenessExceptionInfo" : "exceptionInfo");
        e.addProperty("httpErrorCode", Integer.toString(status));
        e.addProperty("kapuaErrorCode", code);
        e.addProperty("message", message);
        return new Answer(status, e);
    }

}
