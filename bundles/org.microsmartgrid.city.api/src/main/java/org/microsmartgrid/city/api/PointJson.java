package org.microsmartgrid.city.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.microsmartgrid.city.registry.Location;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

/**
 * One point's public JSON ({@link PublicView}), serialised once per registry change instead of once per answer: a
 * search answer is 20 of these, and building and writing them was most of its time (docs/benchmarks.md §10–§11).
 *
 * <p>Only each socket's {@code status_age_s} depends on the answer's clock: Gson writes the rest, and a raw control
 * character where each age goes. Gson escapes every control character inside strings, so in its output a raw one can
 * only be such a hole; {@link #json(long)} fills the holes with the ages at the answer's time.
 */
final class PointJson {

    /** Where a socket's age goes: written raw by {@link #GSON}, found again by {@link #of(Location)}. */
    private static final char HOLE = '\u0001';
    private static final Gson GSON = Answers.GSON.newBuilder()
            .registerTypeAdapter(Age.class, new TypeAdapter<Age>() {
                @Override
                public void write(JsonWriter out, Age value) throws IOException {
                    out.jsonValue(String.valueOf(HOLE));
                }

                @Override
                public Age read(JsonReader in) {
                    throw new UnsupportedOperationException("write only");
                }
            })
            .create();

    /** The location it was made from: a newer registry copy makes it stale. */
    final Location source;
    /** The JSON around the holes: one more part than holes. */
    private final String[] parts;
    /** Each hole's status capture time, epoch ms. */
    private final long[] captured;

    private PointJson(Location source, String[] parts, long[] captured) {
        this.source = source;
        this.parts = parts;
        this.captured = captured;
    }

    /** A socket's status age, left open until an answer's time is known. */
    private record Age(long capturedAt) {
    }

    @SuppressWarnings("unchecked")
    static PointJson of(Location l) {
        Map<String, Object> view = PublicView.of(l, 0);
        List<Long> captured = new ArrayList<>();
        List<Object> evses = (List<Object>) view.get("evses"); // in the order of l.evses()
        for (int i = 0; i < evses.size(); i++) {
            Map<String, Object> evse = (Map<String, Object>) evses.get(i);
            if (evse.get("status_age_s") == null) continue; // no status time: null at any time
            long at = l.evses().get(i).statusAt();
            evse.put("status_age_s", new Age(at));
            captured.add(at);
        }
        String[] parts = GSON.toJson(view).split(String.valueOf(HOLE), -1);
        if (parts.length != captured.size() + 1)
            throw new IllegalStateException("point " + l.id() + ": " + (parts.length - 1) + " holes for "
                    + captured.size() + " ages");
        return new PointJson(l, parts, captured.stream().mapToLong(Long::longValue).toArray());
    }

    /** The point's JSON at {@code now} (epoch ms): the same text Gson writes for {@code PublicView.of(l, now)}. */
    String json(long now) {
        if (captured.length == 0) return parts[0];
        StringBuilder b = new StringBuilder(parts.length * 16 + length());
        for (int i = 0; i < captured.length; i++) b.append(parts[i]).append(Math.max(0, (now - captured[i]) / 1000));
        return b.append(parts[captured.length]).toString();
    }

    private int length() {
        int n = 0;
        for (String p : parts) n += p.length();
        return n;
    }
}
