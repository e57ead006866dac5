package org.microsmartgrid.cloud.management.asset;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kura's ASSET-V1 JSON: requests {@code [{"name":"socket.1","channels":[{"name":"enabled","value":"false"}]}]}
 * (no body, or no channels, meaning all), answers {@code [{"name":..., "channels":[{"name","type","mode"}]}]} for
 * GET assets and {@code [{"name","type","value"|"error","timestamp"}]} channels for read and write.
 */
final class AssetJson {
    private static final Gson GSON = new Gson();

    /** A channel asked for; value only for a write. */
    record ChannelRequest(String name, String value) {
    }

    /** An asset asked for; no channels = all of them. */
    record AssetRequest(String name, List<ChannelRequest> channels) {
    }

    private AssetJson() {
    }

    /** @return null when the body or the array is empty (all assets, as Kura) @throws IllegalArgumentException a malformed body */
    static List<AssetRequest> parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) return null;
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonArray()) throw new IllegalArgumentException("expected a JSON array of assets, got " + kind(root));
            List<AssetRequest> result = new ArrayList<>();
            for (JsonElement e : root.getAsJsonArray()) {
                if (!e.isJsonObject()) throw new IllegalArgumentException("each asset is a JSON object with a name");
                String name = string(e.getAsJsonObject(), "name", "an asset");
                List<ChannelRequest> channels = new ArrayList<>();
                JsonElement chs = e.getAsJsonObject().get("channels");
                if (chs != null && !chs.isJsonNull()) {
                    if (!chs.isJsonArray()) throw new IllegalArgumentException(name + ": channels must be an array");
                    for (JsonElement c : chs.getAsJsonArray()) {
                        if (!c.isJsonObject()) throw new IllegalArgumentException(name + ": each channel is an object with a name");
                        JsonObject o = c.getAsJsonObject();
                        JsonElement v = o.get("value");
                        channels.add(new ChannelRequest(string(o, "name", name + ": a channel"),
                                v == null || v.isJsonNull() ? null : v.isJsonPrimitive() ? v.getAsString() : v.toString()));
                    }
                }
                result.add(new AssetRequest(name, channels));
            }
            return result.isEmpty() ? null : result;
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage());
        }
    }

    static byte[] definitions(Map<String, List<AssetChannel>> assets) {
        JsonArray root = new JsonArray();
        assets.forEach((name, channels) -> {
            JsonArray chs = new JsonArray();
            for (AssetChannel c : channels) {
                JsonObject o = new JsonObject();
                o.addProperty("name", c.name());
                o.addProperty("type", c.type());
                o.addProperty("mode", c.mode());
                chs.add(o);
            }
            root.add(asset(name, chs));
        });
        return GSON.toJson(root).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] values(Map<String, List<ChannelValue>> assets) {
        JsonArray root = new JsonArray();
        assets.forEach((name, values) -> {
            JsonArray chs = new JsonArray();
            for (ChannelValue v : values) {
                JsonObject o = new JsonObject();
                o.addProperty("name", v.name());
                o.addProperty("type", v.type());
                if (v.error() != null) o.addProperty("error", v.error());
                else o.addProperty("value", v.value());
                o.addProperty("timestamp", v.timestamp());
                chs.add(o);
            }
            root.add(asset(name, chs));
        });
        return GSON.toJson(root).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject asset(String name, JsonArray channels) {
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.add("channels", channels);
        return o;
    }

    private static String string(JsonObject o, String key, String what) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || e.getAsString().isBlank())
            throw new IllegalArgumentException(what + " has no \"" + key + "\"");
        return e.getAsString();
    }

    private static String kind(JsonElement e) {
        return e.isJsonObject() ? "an object" : e.isJsonPrimitive() ? "a value" : "null";
    }
}
