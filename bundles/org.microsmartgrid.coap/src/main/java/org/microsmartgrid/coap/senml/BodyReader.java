package org.microsmartgrid.coap.senml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a small write body into field → value (Double, Boolean or String) and field → unit, with Jackson's streaming
 * parser for JSON and CBOR alike. SenML packs give each record's name (base name + name, last path segment:
 * "site/cap/limit" → "limit"), its one value and its unit ({@code u}, else the pack's base unit {@code bu}); plain
 * objects give their scalar members, without units. Anything else is refused with a message for the caller
 * (answered as 4.00 Bad Request). The resource decides what each unit means: a unit is never dropped here.
 */
public final class BodyReader {

    /** Write bodies are a few fields: anything bigger is not one of ours. */
    public static final int MAX_BYTES = 1024;
    private static final int MAX_FIELDS = 16;

    private BodyReader() {
    }

    public static WriteBody read(byte[] body, SenmlFormat format) {
        if (body == null || body.length == 0) throw new IllegalArgumentException("empty body");
        if (body.length > MAX_BYTES) throw new IllegalArgumentException("body larger than " + MAX_BYTES + " bytes");
        try (JsonParser p = format.factory().createParser(body)) {
            Map<String, String> units = new LinkedHashMap<>();
            Map<String, Object> fields = format.senml() ? readPack(p, units) : readObject(p);
            if (p.nextToken() != null) throw new IllegalArgumentException("trailing data after the body");
            if (fields.isEmpty()) throw new IllegalArgumentException("no fields in the body");
            return new WriteBody(fields, units);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed " + format + " body: " + firstLine(e.getMessage()));
        }
    }

    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("expected an object");
        Map<String, Object> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            put(fields, name, scalar(p, p.nextToken(), name));
        }
        return fields;
    }

    private static Map<String, Object> readPack(JsonParser p, Map<String, String> units) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) throw new IllegalArgumentException("expected a SenML pack (an array)");
        Map<String, Object> fields = new LinkedHashMap<>();
        String baseName = "";
        String baseUnit = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            String name = null;
            String unit = null;
            Object value = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                SenmlLabel label = SenmlLabel.of(p.currentName());
                JsonToken v = p.nextToken();
                if (label == null) throw new IllegalArgumentException("unsupported SenML label " + p.currentName());
                switch (label) {
                    case BASE_NAME -> baseName = (String) typed(scalar(p, v, "bn"), String.class, "bn");
                    case NAME -> name = (String) typed(scalar(p, v, "n"), String.class, "n");
                    case UNIT -> unit = (String) typed(scalar(p, v, "u"), String.class, "u");
                    case BASE_UNIT -> baseUnit = (String) typed(scalar(p, v, "bu"), String.class, "bu");
                    case VALUE -> value = typed(scalar(p, v, "v"), Double.class, "v");
                    case BOOL_VALUE -> value = typed(scalar(p, v, "vb"), Boolean.class, "vb");
                    case STRING_VALUE -> value = typed(scalar(p, v, "vs"), String.class, "vs");
                    default -> scalar(p, v, label.jsonName()); // times: a write applies now
                }
            }
            String full = baseName + (name == null ? "" : name);
            if (full.isEmpty() || value == null) throw new IllegalArgumentException("each SenML record needs a name and a value");
            String field = lastSegment(full);
            put(fields, field, value);
            String u = unit != null ? unit : baseUnit;
            if (u != null && !u.isEmpty()) units.put(field, u);
        }
        if (t != JsonToken.END_ARRAY) throw new IllegalArgumentException("a SenML pack holds only records (objects)");
        return fields;
    }

    private static Object scalar(JsonParser p, JsonToken t, String name) throws IOException {
        if (t == null) throw new IllegalArgumentException("body ends early");
        return switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_STRING -> p.getText();
            default -> throw new IllegalArgumentException(name + ": expected a number, a boolean or a string");
        };
    }

    private static Object typed(Object value, Class<?> type, String label) {
        if (!type.isInstance(value)) throw new IllegalArgumentException(label + " must be a " + type.getSimpleName().toLowerCase());
        return value;
    }

    private static void put(Map<String, Object> fields, String name, Object value) {
        if (fields.size() >= MAX_FIELDS) throw new IllegalArgumentException("too many fields");
        if (fields.putIfAbsent(name, value) != null) throw new IllegalArgumentException("field " + name + " appears twice");
    }

    private static String lastSegment(String name) {
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf(':'));
        return name.substring(cut + 1);
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
