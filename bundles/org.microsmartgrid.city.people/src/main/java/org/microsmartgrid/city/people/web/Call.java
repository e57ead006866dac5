package org.microsmartgrid.city.people.web;

import java.util.List;
import java.util.Set;

import org.microsmartgrid.city.people.account.Account;
import org.microsmartgrid.city.people.account.Session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** One request as an endpoint sees it: path parameters, the caller's session, the body (read once, bounded). */
public final class Call {

    public final HttpServletRequest request;
    public final HttpServletResponse response;
    private final List<String> params;
    private final Session session;
    private final String bodyText;
    private final byte[] bodyBytes;
    private final String clientAddress;
    final String sessionSecret;

    Call(HttpServletRequest request, HttpServletResponse response, List<String> params, Session session,
         String sessionSecret, String bodyText, byte[] bodyBytes, String clientAddress) {
        this.bodyBytes = bodyBytes;
        this.request = request;
        this.response = response;
        this.params = params;
        this.session = session;
        this.sessionSecret = sessionSecret;
        this.bodyText = bodyText;
        this.clientAddress = clientAddress;
    }

    public String param(int i) {
        return params.get(i);
    }

    /** The caller's session; the route table guarantees one where the route needs it. */
    public Session session() {
        if (session == null) throw ApiError.unauthorized();
        return session;
    }

    public Account account() {
        return session().account();
    }

    public boolean loggedIn() {
        return session != null;
    }

    /** The body as a JSON object with only these fields. */
    public JsonBody body(Set<String> allowed) {
        if (bodyText == null || bodyText.isBlank()) throw ApiError.badRequest("corpo JSON mancante / JSON body missing");
        return JsonBody.parse(bodyText, allowed);
    }

    /** The body if there is one, else an empty object. */
    public JsonBody optionalBody(Set<String> allowed) {
        return bodyText == null || bodyText.isBlank() ? JsonBody.parse("{}", allowed) : JsonBody.parse(bodyText, allowed);
    }

    /** The uploaded bytes of an upload route. */
    public byte[] bytes() {
        if (bodyBytes == null || bodyBytes.length == 0) throw ApiError.badRequest("corpo mancante / body missing");
        return bodyBytes;
    }

    /** The caller's account, or null without a session (public routes that show more to some). */
    public org.microsmartgrid.city.people.account.Account accountOrNull() {
        return session == null ? null : session.account();
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String sessionSecret() {
        return sessionSecret;
    }
}
