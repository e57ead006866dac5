package org.microsmartgrid.city.doors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;

import jakarta.servlet.http.HttpServletResponse;

/** JSON answers and RFC 9457 problem details, as the rest of the public API writes them (docs/city-api.md). */
final class Replies {

    static final String PROBLEM = "application/problem+json";
    private static final Gson GSON = new Gson();

    private Replies() {
    }

    static void json(HttpServletResponse resp, int status, Object body) throws IOException {
        write(resp, status, "application/json", body);
    }

    /**
     * @param title  Italian / English, the same for every occurrence
     * @param extra  more members (the module's {@code outcome}), or none
     */
    static void problem(HttpServletResponse resp, int status, String title, String detail, String instance,
                        Map<String, Object> extra) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        body.putAll(extra);
        write(resp, status, PROBLEM, body);
    }

    private static void write(HttpServletResponse resp, int status, String type, Object body) throws IOException {
        byte[] bytes = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType(type + "; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
