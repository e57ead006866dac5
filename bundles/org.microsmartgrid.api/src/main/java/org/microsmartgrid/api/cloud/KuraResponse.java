package org.microsmartgrid.api.cloud;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A reply to a {@link KuraRequest}. The cloud bundle adds {@code response.code} (INT32) and, when set,
 * {@code response.exception.message}.
 *
 * @param code      200, 400, 404, 500 (Kura's codes; Kapua shows anything but 200 as a failure)
 * @param metrics   extra metrics of the reply (same value types as a request's)
 * @param body      the body: XML for CONF-V1 and DEPLOY-V2, JSON for ASSET-V1; empty when none
 * @param exception the message for people when the code is not 200; null otherwise
 */
public record KuraResponse(int code, Map<String, Object> metrics, byte[] body, String exception) {

    public static final int OK = 200;
    public static final int BAD_REQUEST = 400;
    public static final int NOT_FOUND = 404;
    public static final int ERROR = 500;

    public KuraResponse {
        metrics = Map.copyOf(metrics);
        body = body == null ? new byte[0] : body;
    }

    public static KuraResponse ok() {
        return new KuraResponse(OK, Map.of(), new byte[0], null);
    }

    public static KuraResponse ok(byte[] body) {
        return new KuraResponse(OK, Map.of(), body, null);
    }

    public static KuraResponse ok(String utf8Body) {
        return ok(utf8Body.getBytes(StandardCharsets.UTF_8));
    }

    public static KuraResponse badRequest(String message) {
        return new KuraResponse(BAD_REQUEST, Map.of(), new byte[0], message);
    }

    public static KuraResponse notFound(String message) {
        return new KuraResponse(NOT_FOUND, Map.of(), new byte[0], message);
    }

    public static KuraResponse error(String message) {
        return new KuraResponse(ERROR, Map.of(), new byte[0], message);
    }
}
