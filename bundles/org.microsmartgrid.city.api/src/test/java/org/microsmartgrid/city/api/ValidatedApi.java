package org.microsmartgrid.city.api;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * HTTP over loopback to an {@link ApiServer}, every exchange checked against the OpenAPI document the server itself
 * serves ({@code /api/v1/openapi.yaml}) by Atlassian's OpenAPI validator: a request and an answer the document does not
 * describe fail the test, so the document cannot drift from the code.
 */
final class ValidatedApi {

    private final ApiServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final OpenApiInteractionValidator validator;
    private final OpenAPI document;

    /** Parsed documents by their text: each test reads the served document, parsing it once is enough. */
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final Map<String, OpenAPI> DOCUMENTS = new ConcurrentHashMap<>();

    ValidatedApi(ApiServer server) {
        this.server = server;
        Answer served = send("/api/v1/openapi.yaml");
        if (served.status() != 200) throw new AssertionError("no OpenAPI document served: " + served);
        String yaml = served.body();
        this.validator = VALIDATORS.computeIfAbsent(yaml,
                y -> OpenApiInteractionValidator.createForInlineApiSpecification(y).build());
        this.document = DOCUMENTS.computeIfAbsent(yaml, y -> {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            return new OpenAPIV3Parser().readContents(y, null, options).getOpenAPI();
        });
    }

    /** An answer: status, content type, body. */
    record Answer(int status, String contentType, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    /** A request the document allows; both it and the answer are validated. */
    Answer get(String pathAndQuery) {
        Answer a = send(pathAndQuery);
        check(validator.validate(request(pathAndQuery), response(a)), pathAndQuery);
        return a;
    }

    /** A request the document does not allow (the point of the test): only the answer is validated. */
    Answer getBad(String pathAndQuery) {
        Answer a = send(pathAndQuery);
        String path = URI.create(pathAndQuery).getRawPath();
        check(validator.validateResponse(path, Request.Method.GET, response(a)), pathAndQuery);
        return a;
    }

    /** Validates a JSON value against a schema of the document's components (e.g. an SSE event's data). */
    void checkSchema(String json, String schemaName) {
        ValidationReport r = new SchemaValidator(document, new MessageResolver(LevelResolver.defaultResolver()))
                .validate(json, document.getComponents().getSchemas().get(schemaName), schemaName);
        check(r, schemaName + " " + json);
    }

    /** Validates a request with a header and the head of its answer (a stream that never ends has no whole body). */
    void checkStreamOpened(String pathAndQuery, String header, String value, int status, String contentType,
                           String bodySoFar) {
        SimpleRequest.Builder b = builder(pathAndQuery);
        if (value != null) b.withHeader(header, value);
        check(validator.validate(b.build(), response(new Answer(status, contentType, bodySoFar))), pathAndQuery);
    }

    /** The validator's view of a request, as a test sends it (query decoded as the server decodes it). */
    static Request request(String pathAndQuery) {
        return builder(pathAndQuery).build();
    }

    private static SimpleRequest.Builder builder(String pathAndQuery) {
        URI u = URI.create(pathAndQuery);
        SimpleRequest.Builder b = SimpleRequest.Builder.get(u.getRawPath());
        if (u.getRawQuery() != null) {
            for (String pair : u.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                b.withQueryParam(name, value);
            }
        }
        return b;
    }

    static SimpleResponse response(Answer a) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(a.status());
        if (a.contentType() != null) b.withContentType(a.contentType());
        if (a.body() != null && !a.body().isEmpty()) b.withBody(a.body());
        return b.build();
    }

    static void check(ValidationReport r, String what) {
        assertFalse(r.hasErrors(), () -> "not as openapi.yaml says: " + what + "\n" + r.getMessages());
    }

    private Answer send(String pathAndQuery) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri(pathAndQuery)).GET()
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }
}
