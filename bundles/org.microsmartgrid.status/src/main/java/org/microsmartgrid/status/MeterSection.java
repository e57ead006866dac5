package org.microsmartgrid.status;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.Sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The "meters" section: every meter's latest reading, each channel with its unit and its own capture time. */
public final class MeterSection {
    private MeterSection() {
    }

    /** All meters, ordered by id; a meter that fails while being read shows up with its error, not as a 500. */
    public static JsonArray toJson(List<Meter> meters) {
        List<JsonObject> items = new ArrayList<>();
        for (Meter meter : meters) items.add(toJson(meter));
        items.sort(Comparator.comparing(o -> o.get("id").isJsonNull() ? "" : o.get("id").getAsString()));
        JsonArray array = new JsonArray();
        items.forEach(array::add);
        return array;
    }

    /** Readings already taken (the site view's), ordered by id. */
    public static JsonArray fromReadings(List<MeterReading> readings) {
        List<JsonObject> items = new ArrayList<>();
        for (MeterReading r : readings) items.add(toJson(r));
        items.sort(Comparator.comparing(o -> o.get("id").isJsonNull() ? "" : o.get("id").getAsString()));
        JsonArray array = new JsonArray();
        items.forEach(array::add);
        return array;
    }

    static JsonObject toJson(Meter meter) {
        try {
            return toJson(meter.reading());
        } catch (RuntimeException e) {
            // the meter's bundle may be stopping while we read it
            return unavailable(safeId(meter), e);
        }
    }

    public static JsonObject toJson(MeterReading reading) {
        JsonObject json = new JsonObject();
        json.add("id", Json.string(reading.meterId()));
        json.add("role", Json.string(reading.role() == null ? null : reading.role().name()));
        json.addProperty("socket", reading.socket());
        json.add("quality", Json.string(reading.quality() == null ? null : reading.quality().name()));
        json.add("assessedAt", Json.time(reading.at()));
        json.add("error", Json.string(reading.error()));
        JsonObject values = new JsonObject();
        for (Channel channel : Channel.values()) { // enum order: stable and readable (power first)
            Sample sample = reading.values().get(channel);
            if (sample == null) continue;
            JsonObject value = new JsonObject();
            value.addProperty("value", sample.value());
            value.addProperty("unit", channel.unit());
            value.add("at", Json.time(sample.at()));
            values.add(channel.name(), value);
        }
        json.add("values", values);
        return json;
    }

    private static JsonObject unavailable(String id, RuntimeException e) {
        JsonObject json = new JsonObject();
        json.add("id", Json.string(id));
        json.add("role", Json.string((String) null));
        json.addProperty("socket", 0);
        json.add("quality", Json.string("FAILED"));
        json.add("assessedAt", Json.time(null));
        json.add("error", Json.string("meter service unavailable: " + e.getClass().getSimpleName()));
        json.add("values", new JsonObject());
        return json;
    }

    private static String safeId(Meter meter) {
        try {
            return meter.id();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
