package org.microsmartgrid.host.web;

import java.io.IOException;

import com.google.gson.JsonObject;

import jakarta.servlet.http.HttpServletResponse;

/** An RFC 9457 problem: what went wrong, in Italian and English, and the HTTP status. */
public final class Problem extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String title;

    public Problem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public void write(HttpServletResponse resp) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("type", "about:blank");
        o.addProperty("title", title);
        o.addProperty("status", status);
        o.addProperty("detail", getMessage());
        resp.setStatus(status);
        resp.setContentType("application/problem+json;charset=UTF-8");
        resp.getWriter().write(o.toString());
    }
}
