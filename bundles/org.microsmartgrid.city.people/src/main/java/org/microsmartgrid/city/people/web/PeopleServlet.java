package org.microsmartgrid.city.people.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.microsmartgrid.city.people.account.Accounts;
import org.microsmartgrid.city.people.account.Session;
import org.microsmartgrid.city.people.listing.PhotoImages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The HTTP side of people and power: finds the route, authenticates (bearer token for apps, cookie session for the
 * page), checks the role, the CSRF token and the Origin of every unsafe request, reads a bounded JSON body and
 * answers JSON or an RFC 9457 problem. Answers are never HTML and never sniffed, so text people wrote (markup
 * included) stays text.
 */
public final class PeopleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PeopleServlet.class);
    public static final String COOKIE = "__Host-msg_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final Gson GSON = new GsonBuilder().serializeNulls().create(); // HTML-escaping on: <, >, & as \\u escapes
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final transient List<Route> routes;
    private final transient List<Pattern> patterns = new ArrayList<>();
    private final transient Accounts accounts;

    public PeopleServlet(List<Route> routes, Accounts accounts) {
        this.routes = List.copyOf(routes);
        this.accounts = accounts;
        for (Route r : routes) patterns.add(r.pattern());
    }

    public List<Route> routes() {
        return routes;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        resp.setHeader("Referrer-Policy", "no-referrer");
        String path = (req.getServletPath() == null ? "" : req.getServletPath())
                + (req.getPathInfo() == null ? "" : req.getPathInfo());
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        try {
            Reply reply = dispatch(req, resp, path, "HEAD".equals(method) ? "GET" : method);
            if (reply.body() == null) resp.setStatus(reply.status());
            else if (reply.body() instanceof Reply.Raw raw) {
                resp.setStatus(reply.status());
                resp.setContentType(raw.type());
                resp.setContentLength(raw.bytes().length);
                resp.getOutputStream().write(raw.bytes());
            } else json(resp, reply.status(), reply.body(), "application/json");
        } catch (ApiError e) {
            problem(resp, e, req.getRequestURI());
        } catch (Exception e) {
            LOG.error("{} {} failed: {}", method, clip(path), e.toString(), e);
            problem(resp, new ApiError(500, "Errore interno / Internal error", "riprovare / try again"), req.getRequestURI());
        }
    }

    private Reply dispatch(HttpServletRequest req, HttpServletResponse resp, String path, String method) throws Exception {
        Set<String> allowed = new LinkedHashSet<>();
        for (int i = 0; i < routes.size(); i++) {
            Matcher m = patterns.get(i).matcher(path);
            if (!m.matches()) continue;
            Route r = routes.get(i);
            if (!r.method().equals(method)) {
                allowed.add(r.method());
                continue;
            }
            List<String> params = new ArrayList<>();
            for (int g = 1; g <= m.groupCount(); g++) params.add(m.group(g));
            return call(req, resp, r, params, method);
        }
        if (!allowed.isEmpty()) {
            resp.setHeader("Allow", String.join(", ", allowed));
            throw new ApiError(405, "Metodo non ammesso / Method not allowed", method);
        }
        throw ApiError.notFound("nessuna risorsa / no such resource: " + clip(path));
    }

    private Reply call(HttpServletRequest req, HttpServletResponse resp, Route r, List<String> params, String method)
            throws Exception {
        boolean unsafe = UNSAFE.contains(method);
        if (unsafe) checkOrigin(req);
        Session session = null;
        String secret = null;
        String auth = req.getHeader("Authorization");
        if (auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) throw ApiError.unauthorized();
            secret = auth.substring(7).strip();
            session = accounts.session(secret, Session.Kind.BEARER).orElseThrow(() -> new ApiError(401,
                    "Accesso richiesto / Authentication required", "token non valido o scaduto / invalid or expired token"));
        } else {
            secret = cookie(req);
            if (secret != null) session = accounts.session(secret, Session.Kind.COOKIE).orElse(null);
            // public routes (sign-up, login, reset) act on no session: a cookie there needs no token (login ends it)
            if (session != null && unsafe && !r.isPublic()) {
                String csrf = req.getHeader(CSRF_HEADER);
                if (csrf == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                        session.csrfToken().getBytes(StandardCharsets.UTF_8)))
                    throw ApiError.forbidden("token CSRF mancante o errato (" + CSRF_HEADER + ") / missing or wrong CSRF token");
            }
        }
        if (!r.isPublic()) {
            if (session == null) throw ApiError.unauthorized();
            if (!r.roles().isEmpty() && r.roles().stream().noneMatch(session.account()::has))
                throw ApiError.forbidden("ruolo richiesto / role required: " + r.roles());
        }
        String body = unsafe && !r.upload() ? body(req) : null;
        byte[] bytes = unsafe && r.upload() ? upload(req) : null;
        return r.handler().handle(new Call(req, resp, params, session, secret, body, bytes, req.getRemoteAddr()));
    }

    /**
     * A browser names the page that sent an unsafe request: it must be this server. (Apps send no Origin; the
     * SameSite=Strict cookie and the CSRF token are the main defence, this is the second.)
     */
    private static void checkOrigin(HttpServletRequest req) {
        String origin = req.getHeader("Origin");
        if (origin == null) return;
        String host = req.getHeader("Host");
        String bare = origin.replaceFirst("^https?://", "");
        if (host == null || !bare.equalsIgnoreCase(host))
            throw ApiError.forbidden("origine non ammessa / origin not allowed");
    }

    private static String cookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) if (COOKIE.equals(c.getName())) return c.getValue();
        return null;
    }

    /** Reads at most {@link #MAX_BODY_BYTES}; only JSON in UTF-8. */
    private static String body(HttpServletRequest req) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared == 0) return null;
        String type = req.getContentType();
        if (declared > MAX_BODY_BYTES) throw tooLarge();
        if (type == null || !type.toLowerCase(Locale.ROOT).matches("application/json\\s*(;\\s*charset=\"?utf-8\"?\\s*)?"))
            throw new ApiError(415, "Tipo non supportato / Unsupported media type",
                    "inviare application/json in UTF-8 / send application/json in UTF-8");
        byte[] bytes;
        try (InputStream in = req.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) throw tooLarge();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.badRequest("il corpo non è UTF-8 / the body is not UTF-8");
        }
    }

    private static ApiError tooLarge() {
        return tooLarge(MAX_BODY_BYTES);
    }

    private static ApiError tooLarge(int max) {
        return new ApiError(413, "Richiesta troppo grande / Payload too large", "al massimo / at most " + max + " byte");
    }

    /** A photo: image/jpeg or image/png, at most {@link PhotoImages#MAX_BYTES} (the content is checked later). */
    private static byte[] upload(HttpServletRequest req) throws IOException {
        int max = PhotoImages.MAX_BYTES;
        if (req.getContentLengthLong() > max) throw tooLarge(max);
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT).strip();
        if (!type.equals("image/jpeg") && !type.equals("image/png"))
            throw new ApiError(415, "Tipo non supportato / Unsupported media type", "image/jpeg o/or image/png");
        try (InputStream in = req.getInputStream()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) throw tooLarge(max);
            return bytes;
        }
    }

    static void json(HttpServletResponse resp, int status, Object body, String type) throws IOException {
        resp.setStatus(status);
        resp.setContentType(type + "; charset=utf-8");
        resp.getOutputStream().write(GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void problem(HttpServletResponse resp, ApiError e, String instance) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", e.title);
        body.put("status", e.status);
        body.put("detail", e.getMessage());
        body.put("instance", instance == null ? null : clip(instance));
        if (e.status == 429) resp.setHeader("Retry-After", Long.toString(e.retryAfterSeconds));
        if (e.status == 401) resp.setHeader("WWW-Authenticate", "Bearer realm=\"msg-city\"");
        json(resp, e.status, body, "application/problem+json");
    }

    static String clip(String s) {
        String t = s.length() > 120 ? s.substring(0, 120) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
