package org.microsmartgrid.city.stats.districts;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Reads districts from a GeoJSON FeatureCollection (RFC 7946) whose features are Polygons or MultiPolygons in WGS 84
 * longitude/latitude, each named by one of its properties. Anything else is refused with a message that says which
 * feature and why: a file of districts is configuration, and a wrong one must never half-apply.
 */
public final class GeoJsonDistricts {

    /** Longest district name (the column stats_session_hour.district). */
    public static final int MAX_NAME = 100;

    private GeoJsonDistricts() {
    }

    public static Districts read(Path file, String nameProperty) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, nameProperty);
        }
    }

    /**
     * @param nameProperty the property naming a district; a number n there (the Comune di Milano's {@code MUNICIPIO})
     *                     names it "Municipio n"
     * @throws IllegalArgumentException what is wrong, in Italian and English
     */
    public static Districts read(Reader geoJson, String nameProperty) {
        JsonElement root;
        try {
            root = JsonParser.parseReader(geoJson);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("non è JSON / not JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject() || !"FeatureCollection".equals(text(root.getAsJsonObject(), "type")))
            throw new IllegalArgumentException("serve una FeatureCollection GeoJSON / a GeoJSON FeatureCollection is needed");
        JsonElement features = root.getAsJsonObject().get("features");
        if (features == null || !features.isJsonArray())
            throw new IllegalArgumentException("FeatureCollection senza features / without features");
        List<District> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int n = 0;
        for (JsonElement f : features.getAsJsonArray()) {
            String where = "feature " + n++;
            if (!f.isJsonObject()) throw bad(where, "non è un oggetto / not an object");
            String name = name(f.getAsJsonObject(), nameProperty, where);
            where += " (" + name + ")";
            if (!names.add(name)) throw bad(where, "nome ripetuto / name repeated");
            out.add(new District(name, polygons(f.getAsJsonObject().get("geometry"), where)));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("nessun quartiere nel file / no district in the file");
        return new Districts(out);
    }

    private static String name(JsonObject feature, String property, String where) {
        JsonElement props = feature.get("properties");
        JsonElement v = props != null && props.isJsonObject() ? props.getAsJsonObject().get(property) : null;
        if (v == null || !v.isJsonPrimitive()) throw bad(where, "manca la proprietà / property missing: " + property);
        JsonPrimitive p = v.getAsJsonPrimitive();
        String name = p.isNumber() ? "Municipio " + p.getAsBigDecimal().stripTrailingZeros().toPlainString()
                : p.getAsString().strip();
        if (name.isEmpty() || name.length() > MAX_NAME)
            throw bad(where, "nome vuoto o più lungo di / name empty or longer than " + MAX_NAME);
        return name;
    }

    private static List<Polygon> polygons(JsonElement geometry, String where) {
        if (geometry == null || !geometry.isJsonObject()) throw bad(where, "senza geometria / no geometry");
        JsonObject g = geometry.getAsJsonObject();
        String type = text(g, "type");
        JsonElement coords = g.get("coordinates");
        if (coords == null || !coords.isJsonArray()) throw bad(where, "senza coordinate / no coordinates");
        List<Polygon> parts = new ArrayList<>();
        if ("Polygon".equals(type)) parts.add(polygon(coords.getAsJsonArray(), where));
        else if ("MultiPolygon".equals(type)) {
            for (JsonElement p : coords.getAsJsonArray()) {
                if (!p.isJsonArray()) throw bad(where, "MultiPolygon non valido / invalid MultiPolygon");
                parts.add(polygon(p.getAsJsonArray(), where));
            }
        } else throw bad(where, "geometria non supportata / unsupported geometry: " + type + " (Polygon, MultiPolygon)");
        if (parts.isEmpty()) throw bad(where, "geometria vuota / empty geometry");
        return parts;
    }

    private static Polygon polygon(JsonArray rings, String where) {
        List<double[][]> out = new ArrayList<>();
        for (JsonElement ring : rings) {
            if (!ring.isJsonArray() || ring.getAsJsonArray().size() < 4)
                throw bad(where, "un anello ha meno di 4 posizioni / a ring has fewer than 4 positions");
            JsonArray r = ring.getAsJsonArray();
            double[][] positions = new double[r.size()][];
            for (int i = 0; i < r.size(); i++) positions[i] = position(r.get(i), where);
            double[] first = positions[0], last = positions[positions.length - 1];
            if (first[0] != last[0] || first[1] != last[1])
                throw bad(where, "anello non chiuso (prima posizione ≠ ultima) / ring not closed (first position ≠ last)");
            out.add(positions);
        }
        if (out.isEmpty()) throw bad(where, "poligono senza anelli / polygon without rings");
        return new Polygon(out);
    }

    private static double[] position(JsonElement e, String where) {
        if (!e.isJsonArray() || e.getAsJsonArray().size() < 2) throw bad(where, "posizione non valida / invalid position");
        JsonArray a = e.getAsJsonArray();
        double lon, lat;
        try {
            lon = a.get(0).getAsDouble();
            lat = a.get(1).getAsDouble();
        } catch (RuntimeException notANumber) {
            throw bad(where, "posizione non numerica / position not numeric");
        }
        if (!(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90))
            throw bad(where, String.format(Locale.ROOT, "posizione fuori da WGS 84 / position outside WGS 84: [%s, %s] "
                    + "(coordinate proiettate, ad es. UTM? convertire in EPSG:4326 / projected coordinates, e.g. UTM? "
                    + "convert to EPSG:4326)", a.get(0), a.get(1)));
        return new double[] {lon, lat};
    }

    private static String text(JsonObject o, String member) {
        JsonElement v = o.get(member);
        return v != null && v.isJsonPrimitive() ? v.getAsString() : null;
    }

    private static IllegalArgumentException bad(String where, String what) {
        return new IllegalArgumentException(where + ": " + what);
    }
}
