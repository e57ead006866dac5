package org.microsmartgrid.city.people.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

/**
 * A request body: one JSON object (Gson, strict), only the fields the endpoint knows, each of the right type.
 * Anything else is a 400 problem before the request touches the database.
 */
public final class JsonBody {

    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    public static JsonBody parse(String text, Set<String> allowed) {
        JsonElement e;
        try {
            JsonReader reader = new JsonReader(new java.io.StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            e = JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT)
                throw ApiError.badRequest("JSON malformato / malformed JSON: trailing data");
        } catch (JsonParseException | java.io.IOException | IllegalStateException x) {
            throw ApiError.badRequest("JSON malformato / malformed JSON");
        } catch (StackOverflowError x) {
            throw ApiError.badRequest("JSON troppo annidato / JSON nested too deeply");
        }
        if (e == null || !e.isJsonObject()) throw ApiError.badRequest("atteso un oggetto JSON / a JSON object expected");
        JsonObject o = e.getAsJsonObject();
        for (String k : o.keySet())
            if (!allowed.contains(k)) throw ApiError.badRequest("campo sconosciuto / unknown field: " + clip(k));
        return new JsonBody(o);
    }

    public boolean has(String field) {
        return object.has(field) && !object.get(field).isJsonNull();
    }

    public String string(String field) {
        if (!has(field)) return null;
        JsonElement e = object.get(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString())
            throw ApiError.badRequest(field + ": atteso un testo / a string expected");
        return e.getAsString();
    }

    public String text(String field, int min, int max, boolean multiline) {
        return Text.check(field, string(field), min, max, multiline);
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type, E absent) {
        String s = string(field);
        if (s == null) {
            if (absent == null) throw ApiError.badRequest(field + ": obbligatorio / required");
            return absent;
        }
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException x) {
            throw ApiError.badRequest(field + ": valore non ammesso / value not allowed: " + clip(s));
        }
    }

    public double number(String field, double min, double max) {
        if (!has(field)) throw ApiError.badRequest(field + ": obbligatorio / required");
        JsonElement e = object.get(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber())
            throw ApiError.badRequest(field + ": atteso un numero / a number expected");
        double d = e.getAsDouble();
        if (!Double.isFinite(d) || d < min || d > max)
            throw ApiError.badRequest(field + ": fuori intervallo / out of range [" + min + ", " + max + "]");
        return d;
    }

    public int integer(String field, int min, int max, Integer absent) {
        if (!has(field)) {
            if (absent == null) throw ApiError.badRequest(field + ": obbligatorio / required");
            return absent;
        }
        double d = number(field, min, max);
        if (d != Math.rint(d)) throw ApiError.badRequest(field + ": atteso un intero / an integer expected");
        return (int) d;
    }

    public boolean bool(String field, boolean absent) {
        if (!has(field)) return absent;
        JsonElement e = object.get(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean())
            throw ApiError.badRequest(field + ": atteso vero/falso / a boolean expected");
        return e.getAsBoolean();
    }

    /** An array of enum constants, at most max of them, no repetitions. */
    public <E extends Enum<E>> List<E> enums(String field, Class<E> type, int min, int max) {
        JsonArray a = array(field, min, max);
        List<E> out = new ArrayList<>();
        for (JsonElement e : a) {
            if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isString())
                throw ApiError.badRequest(field + ": attesi testi / strings expected");
            E v;
            try {
                v = Enum.valueOf(type, e.getAsString());
            } catch (IllegalArgumentException x) {
                throw ApiError.badRequest(field + ": valore non ammesso / value not allowed: " + clip(e.getAsString()));
            }
            if (out.contains(v)) throw ApiError.badRequest(field + ": ripetuto / repeated: " + v);
            out.add(v);
        }
        return out;
    }

    /** An array of objects, each parsed with its own allowed fields. */
    public List<JsonBody> objects(String field, Set<String> allowed, int min, int max) {
        List<JsonBody> out = new ArrayList<>();
        for (JsonElement e : array(field, min, max)) {
            if (!e.isJsonObject()) throw ApiError.badRequest(field + ": attesi oggetti / objects expected");
            for (String k : e.getAsJsonObject().keySet())
                if (!allowed.contains(k)) throw ApiError.badRequest(field + ": campo sconosciuto / unknown field: " + clip(k));
            out.add(new JsonBody(e.getAsJsonObject()));
        }
        return out;
    }

    /** A required nested object with its own allowed fields. */
    public JsonBody object(String field, Set<String> allowed) {
        if (!has(field)) throw ApiError.badRequest(field + ": obbligatorio / required");
        JsonElement e = object.get(field);
        if (!e.isJsonObject()) throw ApiError.badRequest(field + ": atteso un oggetto / an object expected");
        for (String k : e.getAsJsonObject().keySet())
            if (!allowed.contains(k)) throw ApiError.badRequest(field + ": campo sconosciuto / unknown field: " + clip(k));
        return new JsonBody(e.getAsJsonObject());
    }

    private JsonArray array(String field, int min, int max) {
        JsonArray a = new JsonArray();
        if (has(field)) {
            JsonElement e = object.get(field);
            if (!e.isJsonArray()) throw ApiError.badRequest(field + ": attesa una lista / an array expected");
            a = e.getAsJsonArray();
        }
        if (a.size() < min) throw ApiError.badRequest(field + ": almeno / at least " + min);
        if (a.size() > max) throw ApiError.badRequest(field + ": al massimo / at most " + max);
        return a;
    }

    static String clip(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
