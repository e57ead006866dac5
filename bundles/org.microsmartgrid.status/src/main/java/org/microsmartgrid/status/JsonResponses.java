package org.microsmartgrid.status;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes JSON answers, errors included, with the headers every answer of /status carries. */
final class JsonResponses {
    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private JsonResponses() {
    }

    static void send(HttpServletResponse response, int status, JsonElement body) throws IOException {
        byte[] bytes = (Json.GSON.toJson(body) + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store"); // live values: a cached copy would mislead an installer
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    static void error(HttpServletResponse response, int status, String error, String message) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("status", status);
        body.addProperty("error", error);
        body.addProperty("message", message);
        send(response, status, body);
    }
}
