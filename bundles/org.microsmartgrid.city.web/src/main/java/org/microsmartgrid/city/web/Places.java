package org.microsmartgrid.city.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The places a citizen can search on the map page ("Castello Sforzesco", "Stazione Cadorna"): a small gazetteer the
 * page filters on the phone, so a search sends nothing to anyone and works offline. The build packs Milan's
 * ({@code web/places.json}); a city sets its own with {@code places.file}, checked here before it is served.
 */
record Places(byte[] json) {

    static final int MAX_PLACES = 5_000;
    static final int MAX_NAME = 120;
    private static final Gson GSON = new Gson();

    /** A city's own list: an array of {name, lat, lon}; anything else is refused with what and where. */
    static Places read(Path file) {
        String text;
        try {
            if (Files.size(file) > 2_000_000) throw new IllegalArgumentException("places.file: " + file + " is over 2 MB");
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("places.file: cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("places.file: " + file + " is not JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonArray()) throw new IllegalArgumentException("places.file: " + file + " must hold a JSON array");
        JsonArray in = root.getAsJsonArray();
        if (in.size() > MAX_PLACES) throw new IllegalArgumentException("places.file: more than " + MAX_PLACES + " places");
        List<Place> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) out.add(place(in.get(i), i));
        return new Places(GSON.toJson(out).getBytes(StandardCharsets.UTF_8));
    }

    private static Place place(JsonElement e, int i) {
        String where = "places.file: place " + (i + 1);
        if (!e.isJsonObject()) throw new IllegalArgumentException(where + " is not an object");
        JsonObject o = e.getAsJsonObject();
        try {
            String name = o.get("name").getAsString().strip();
            double lat = o.get("lat").getAsDouble();
            double lon = o.get("lon").getAsDouble();
            if (name.isEmpty() || name.length() > MAX_NAME)
                throw new IllegalArgumentException(where + ": name must be 1 to " + MAX_NAME + " characters");
            if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180))
                throw new IllegalArgumentException(where + " (" + name + "): lat -90..90 and lon -180..180");
            return new Place(name, lat, lon);
        } catch (NullPointerException | UnsupportedOperationException | IllegalStateException | NumberFormatException x) {
            throw new IllegalArgumentException(where + ": needs name (text), lat and lon (numbers)", x);
        }
    }

    private record Place(String name, double lat, double lon) { }
}
