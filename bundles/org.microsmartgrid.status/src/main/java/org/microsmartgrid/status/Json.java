package org.microsmartgrid.status;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;

import java.time.Duration;
import java.time.Instant;

/** The one Gson of the bundle and the two value conventions of the status document. */
public final class Json {
    /**
     * Pretty, because installers read it with curl; nulls kept, so every field is always there and a missing
     * value reads as null rather than as an absent key; no HTML escaping: it is served as JSON with nosniff.
     */
    public static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private Json() {
    }

    /** ISO-8601 in UTC ("2024-05-01T12:00:00.123Z"), or null. Instant.toString() is exactly that. */
    public static JsonElement time(Instant instant) {
        return instant == null ? JsonNull.INSTANCE : new JsonPrimitive(instant.toString());
    }

    /** ISO-8601 duration ("PT2H5M3S"), whole seconds. */
    public static JsonElement duration(Duration duration) {
        return new JsonPrimitive(Duration.ofSeconds(duration.getSeconds()).toString());
    }

    public static JsonElement string(String value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
    }

    /** An API code (reason, mode, band...) by its name, as the documents list it; null when there is none. */
    public static JsonElement string(Enum<?> value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value.name());
    }

    /** A number, or null when it is unknown (NaN and infinities too: JSON has no such numbers). */
    public static JsonElement number(Double value) {
        return value == null || !Double.isFinite(value) ? JsonNull.INSTANCE : new JsonPrimitive(value);
    }

    public static JsonElement bool(Boolean value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
    }
}
