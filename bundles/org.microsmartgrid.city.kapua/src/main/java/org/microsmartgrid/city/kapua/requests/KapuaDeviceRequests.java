package org.microsmartgrid.city.kapua.requests;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.microsmartgrid.city.broker.transport.ModuleTransport;
import org.microsmartgrid.city.kapua.client.KapuaClient;
import org.microsmartgrid.city.kapua.client.KapuaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@link ModuleTransport} through Kapua's device requests ({@code POST /v1/{scopeId}/devices/{deviceId}/requests
 * ?timeout=…}, Kapua's DeviceManagementRequestsJson): Kapua sends {@code $EDC/{account}/{client}/CITY-V1/EXEC/
 * {resource}} with our metrics and its own {@code request.id} and {@code requester.client.id}, waits for the module's
 * reply and answers it as JSON ({@code payload.metrics}: name, valueType, value as text).
 *
 * <p>Sent once: a 401 only means Kapua refused the token before doing anything (the client logs in again and sends
 * it once more); nothing else is sent again. The device is found by its client id ({@code GET devices?clientId=}),
 * remembered, and forgotten when Kapua says it does not know it (404). Kapua's 409 (device not connected), its
 * 500 (no reply in time, or it could not send), no answer within {@code timeout}, Kapua down: empty (unreachable).
 * A 200 whose body cannot be read is an answer without metrics (the caller reads it as a failure), never an
 * exception.
 */
public final class KapuaDeviceRequests implements ModuleTransport {

    private static final Logger LOG = LoggerFactory.getLogger(KapuaDeviceRequests.class);
    /** Kapua's own time to send, receive and answer: it is told to wait this much less than the person waits. */
    static final Duration KAPUA_OVERHEAD = Duration.ofSeconds(1);

    private final KapuaClient kapua;
    private final String scopeId;
    private final ExecutorService calls;
    private final Map<String, String> deviceIds = new ConcurrentHashMap<>(); // client id → Kapua device id

    /**
     * @param calls where the HTTP calls wait (bounded: a call it refuses is unreachable); the caller shuts it down
     */
    public KapuaDeviceRequests(KapuaClient kapua, String scopeId, ExecutorService calls) {
        this.kapua = kapua;
        this.scopeId = scopeId;
        this.calls = calls;
    }

    @Override
    public CompletionStage<Optional<Map<String, Object>>> request(String account, String clientId, String resource,
                                                                  Map<String, Object> metrics, Duration timeout) {
        JsonObject body = requestInput(resource, metrics);
        try {
            return CompletableFuture.supplyAsync(() -> send(clientId, resource, body, timeout), calls)
                    .completeOnTimeout(Optional.empty(), timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.warn("{} for {}/{} not sent: too many requests wait for Kapua", resource, account, clientId);
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }

    private Optional<Map<String, Object>> send(String clientId, String resource, JsonObject body, Duration timeout) {
        String deviceId;
        try {
            deviceId = deviceId(clientId);
        } catch (KapuaException e) {
            LOG.warn("{} for {}: Kapua not readable ({}) / Kapua non raggiungibile", resource, clientId,
                    e.getMessage());
            return Optional.empty();
        }
        if (deviceId == null) {
            LOG.warn("{} for {}: no such device in Kapua / dispositivo sconosciuto a Kapua", resource, clientId);
            return Optional.empty();
        }
        Duration kapuaWaits = timeout.minus(KAPUA_OVERHEAD);
        if (kapuaWaits.compareTo(Duration.ofMillis(500)) < 0) kapuaWaits = Duration.ofMillis(500);
        try {
            JsonObject reply = kapua.post(KapuaClient.seg(scopeId) + "/devices/" + KapuaClient.seg(deviceId)
                    + "/requests", Map.of("timeout", Long.toString(kapuaWaits.toMillis())), body, timeout);
            return Optional.of(metrics(reply));
        } catch (KapuaException e) {
            if (e.unreadable()) {
                LOG.warn("{} for {}: Kapua's answer cannot be read / risposta illeggibile", resource, clientId);
                return Optional.of(Map.of());
            }
            if (e.status() == 404) deviceIds.remove(clientId); // deleted and registered again: look it up next time
            if (e.status() == 401 || e.status() == 403)
                LOG.error("{} for {}: Kapua refuses the city's user ({}); it needs device_management:execute "
                        + "(docs/kapua.md) / permesso mancante", resource, clientId, e.getMessage());
            else if (e.status() == 409)
                LOG.info("{} for {}: not connected to Kapua / modulo non connesso", resource, clientId);
            else
                LOG.warn("{} for {}: no answer through Kapua ({}) / nessuna risposta", resource, clientId,
                        e.getMessage());
            return Optional.empty();
        }
    }

    /** Kapua's id of the device with this client id, or null when Kapua has none. */
    private String deviceId(String clientId) throws KapuaException {
        String known = deviceIds.get(clientId);
        if (known != null) return known;
        JsonObject page = kapua.get(KapuaClient.seg(scopeId) + "/devices", Map.of("clientId", clientId, "limit", "1"));
        if (!page.has("items") || !page.get("items").isJsonArray()) return null;
        for (JsonElement e : page.getAsJsonArray("items")) {
            if (!e.isJsonObject()) continue;
            JsonObject d = e.getAsJsonObject();
            if (text(d, "clientId") != null && text(d, "clientId").equals(clientId) && text(d, "id") != null) {
                deviceIds.put(clientId, text(d, "id"));
                return text(d, "id");
            }
        }
        return null;
    }

    /** Kapua's requestInput: channel CITY / V1 / EXECUTE / [resource], the metrics typed as Kapua reads them. */
    static JsonObject requestInput(String resource, Map<String, Object> metrics) {
        JsonObject channel = new JsonObject();
        channel.addProperty("type", "genericRequestChannel");
        String[] app = APP_ID.split("-", 2); // Kapua joins appName and version with "-" into the Kura app id
        channel.addProperty("appName", app[0]);
        channel.addProperty("version", app[1]);
        channel.addProperty("method", "EXECUTE"); // Kura's EXEC
        JsonArray resources = new JsonArray();
        resources.add(resource);
        channel.add("resources", resources);
        JsonArray list = new JsonArray();
        metrics.forEach((name, value) -> {
            JsonObject m = new JsonObject();
            m.addProperty("valueType", valueType(value));
            m.addProperty("value", String.valueOf(value));
            m.addProperty("name", name);
            list.add(m);
        });
        JsonObject payload = new JsonObject();
        payload.add("metrics", list);
        JsonObject in = new JsonObject();
        in.add("channel", channel);
        in.add("payload", payload);
        return in;
    }

    /** Kapua's names of the value types (ObjectTypeConverter). */
    private static String valueType(Object v) {
        if (v instanceof Integer) return "integer";
        if (v instanceof Long) return "long";
        if (v instanceof Boolean) return "boolean";
        if (v instanceof Double) return "double";
        if (v instanceof Float) return "float";
        if (v instanceof String) return "string";
        throw new IllegalArgumentException("a metric Kapua cannot carry: " + v.getClass().getSimpleName());
    }

    /**
     * The reply's metrics, typed back from Kapua's text; a metric that cannot be read is left out (the answer then
     * lacks it, and the caller reads a failure where it needed it).
     */
    static Map<String, Object> metrics(JsonObject reply) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!(reply.get("payload") instanceof JsonObject payload) || !(payload.get("metrics") instanceof JsonArray ms))
            return out;
        for (JsonElement e : ms) {
            if (!(e instanceof JsonObject m)) continue;
            String name = text(m, "name");
            String type = text(m, "valueType");
            String value = text(m, "value");
            if (name == null || type == null || value == null) continue;
            try {
                Object v = switch (type) {
                    case "string" -> value;
                    case "integer", "int" -> Integer.valueOf(value);
                    case "long" -> Long.valueOf(value);
                    case "double" -> Double.valueOf(value);
                    case "float" -> Float.valueOf(value);
                    case "boolean" -> List.of("true", "false").contains(value) ? Boolean.valueOf(value) : null;
                    default -> null;
                };
                if (v != null) out.put(name, v);
            } catch (NumberFormatException x) {
                // left out
            }
        }
        return out;
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }
}
