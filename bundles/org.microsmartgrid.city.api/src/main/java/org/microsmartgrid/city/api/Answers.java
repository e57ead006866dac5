package org.microsmartgrid.city.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** How every servlet of the public API answers: JSON, problem details, the public headers, the read-only rule. */
final class Answers {

    static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    /** Longer query strings are refused (414) before anything is parsed: no filter needs more. */
    static final int MAX_QUERY_CHARS = 2048;

    private Answers() {
    }

    static void publicHeaders(HttpServletResponse resp) {
        resp.setHeader("Access-Control-Allow-Origin", "*"); // public open data, read-only
        resp.setHeader("X-Content-Type-Options", "nosniff");
    }

    /** @throws Problem.Raised 414 when the query string is longer than {@link #MAX_QUERY_CHARS} */
    static void checkQueryLength(HttpServletRequest req) {
        String q = req.getQueryString();
        if (q != null && q.length() > MAX_QUERY_CHARS)
            throw new Problem.Raised(new Problem(414, "Richiesta troppo lunga / URI too long",
                    "query string oltre / longer than " + MAX_QUERY_CHARS + " caratteri / characters"));
    }

    static void json(HttpServletResponse resp, int status, Object body, String type) throws IOException {
        resp.setStatus(status);
        resp.setContentType(type + "; charset=utf-8");
        resp.getOutputStream().write(GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    static void problem(HttpServletResponse resp, Problem p, String instance) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", p.title());
        body.put("status", p.status());
        body.put("detail", p.detail());
        body.put("instance", instance == null ? null : Params.clip(instance));
        if (p.parameter() != null) body.put("parameter", p.parameter());
        json(resp, p.status(), body, Problem.CONTENT_TYPE);
    }

    static void readOnly(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Allow", "GET, HEAD");
        problem(resp, new Problem(405, "Metodo non ammesso / Method not allowed", "API di sola lettura / read-only API"),
                req.getRequestURI());
    }
}
