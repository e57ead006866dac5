package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * The city's OpenAPI document (city.api serves it at /api/v1/openapi.yaml; the file lives in city.api's resources)
 * and Atlassian's validator: every exchange a test makes through {@link Client} is checked against it, so the
 * document cannot drift from what the people servlet really accepts and answers.
 */
final class OpenApiDocument {

    static final Path FILE = Path.of(
            "../org.microsmartgrid.city.api/src/main/resources/org/microsmartgrid/city/api/openapi.yaml");
    private static final List<String> FORWARDED = List.of("Content-Type", "Authorization", "Cookie", "X-CSRF-Token", "Origin");

    final OpenAPI model;
    private final OpenApiInteractionValidator validator;

    OpenApiDocument() {
        String yaml;
        try {
            yaml = Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(yaml).build();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        model = new OpenAPIV3Parser().readContents(yaml, null, options).getOpenAPI();
    }

    /** A request the document allows: the request and the answer must both be as the document says. */
    Client.Response ok(Client.Response r, byte[] body) {
        ValidationReport report = validator.validate(request(r, body), response(r));
        assertFalse(report.hasErrors(), () -> "not as openapi.yaml says: " + what(r) + "\n" + report.getMessages());
        return r;
    }

    Client.Response ok(Client.Response r, String body) {
        return ok(r, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A request the server refuses with this status: the answer must be a problem the document lists for the
     * operation; {@code documentRefusesToo} — the document itself says the request is wrong (a schema, a missing
     * credential), so a client validating against it learns the same before sending.
     */
    Client.Response refused(Client.Response r, byte[] body, int status, boolean documentRefusesToo) {
        assertEquals(status, r.status(), () -> what(r) + ": " + r.text());
        assertTrue(r.type().startsWith("application/problem+json"), () -> what(r) + " is a problem: " + r.type());
        SimpleRequest req = request(r, body);
        ValidationReport answer = validator.validateResponse(req.getPath(), req.getMethod(), response(r));
        assertFalse(answer.hasErrors(), () -> "answer not as openapi.yaml says: " + what(r) + "\n" + answer.getMessages());
        if (documentRefusesToo)
            assertTrue(validator.validateRequest(req).hasErrors(), () -> "openapi.yaml should refuse " + what(r));
        return r;
    }

    Client.Response refused(Client.Response r, String body, int status, boolean documentRefusesToo) {
        return refused(r, body == null ? null : body.getBytes(StandardCharsets.UTF_8), status, documentRefusesToo);
    }

    /** The request as the client sent it (its headers from the JDK client's own record of it). */
    private static SimpleRequest request(Client.Response r, byte[] body) {
        HttpRequest sent = r.raw().request();
        URI u = sent.uri();
        SimpleRequest.Builder b = new SimpleRequest.Builder(sent.method(), u.getRawPath());
        if (u.getRawQuery() != null) {
            for (String pair : u.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                b.withQueryParam(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        for (String h : FORWARDED) sent.headers().firstValue(h).ifPresent(v -> b.withHeader(h, v));
        if (body != null) b.withBody(body);
        return b.build();
    }

    private static SimpleResponse response(Client.Response r) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(r.status());
        String type = r.type();
        if (!type.isEmpty()) b.withContentType(type);
        if (type.toLowerCase(Locale.ROOT).contains("json")) {
            if (!r.text().isEmpty()) b.withBody(r.text());
        } else if (r.raw().body().length > 0) {
            b.withBody(r.raw().body()); // a photo: its bytes
        }
        return b.build();
    }

    private static String what(Client.Response r) {
        return r.raw().request().method() + " " + r.raw().request().uri().getRawPath();
    }

    static Request.Method method(String m) {
        return Request.Method.valueOf(m);
    }
}
