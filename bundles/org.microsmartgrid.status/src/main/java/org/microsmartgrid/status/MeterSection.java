package org.microsmartgrid.status;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.Sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The "meters" section: every meter's latest reading, each channel with its unit and its own capture time. */
public final class MeterSection {
    private MeterSection() {
    }

    /**
     * Every meter's reading in the site view, ordered by id; a meter that failed while being read is there with its
     * error ({@link org.microsmartgrid.api.site.SiteReader#reading}), not as a 500.
     */
    public static JsonArray fromReadings(List<MeterReading> readings) {
        List<JsonObject> items = new ArrayList<>();
        for (MeterReading r : readings) items.add(toJson(r));
        items.sort(Comparator.comparing(o -> o.get("id").isJsonNull() ? "" : o.get("id").getAsString()));
        JsonArray array = new JsonArray();
        items.forEach(array::add);
        return array;
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
}
