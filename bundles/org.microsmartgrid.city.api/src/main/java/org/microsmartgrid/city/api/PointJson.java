package org.microsmartgrid.city.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.microsmartgrid.city.registry.Location;

import com.google.gson.stream.JsonWriter;

/**
 * One point's public JSON ({@link PublicView}) written once and reused by the search answers that show it until the
 * registry changes the point: writing 20 points was ~200 µs of every answer, copying them ~40 µs (docs/benchmarks.md
 * §11).
 *
 * <p>Only each socket's {@code status_age_s} depends on the answer's clock: Gson writes the rest, and a raw control
 * character where each age goes. Gson escapes every control character inside strings, so in its output a raw one can
 * only be such a hole; {@link #json(long)} fills the holes with the ages at the answer's time.
 */
final class PointJson {

    /** Where a socket's age goes. */
    private static final String HOLE = "\u0001";

    /** The location it was written from: a newer registry copy is another object. */
    final Location source;
    /** The JSON around the holes: one more part than holes. */
    private final String[] parts;
    /** Each hole's status capture time, epoch ms. */
    private final long[] captured;
    private final int length;

    private PointJson(Location source, String[] parts, long[] captured) {
        this.source = source;
        this.parts = parts;
        this.captured = captured;
        int n = 0;
        for (String p : parts) n += p.length();
        this.length = n;
    }

    static PointJson of(Location l) {
        StringWriter text = new StringWriter(1024);
        List<Long> captured = new ArrayList<>();
        try {
            JsonWriter w = Answers.GSON.newJsonWriter(text);
            PublicView.write(w, l, (jw, at) -> {
                jw.jsonValue(HOLE);
                captured.add(at);
            });
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        String[] parts = text.toString().split(HOLE, -1);
        if (parts.length != captured.size() + 1)
            throw new IllegalStateException("point " + l.id() + ": " + (parts.length - 1) + " holes for "
                    + captured.size() + " ages");
        return new PointJson(l, parts, captured.stream().mapToLong(Long::longValue).toArray());
    }

    /** The point's JSON at {@code now} (epoch ms): the text Gson writes for {@code PublicView.of(l, now)}. */
    String json(long now) {
        if (captured.length == 0) return parts[0];
        StringBuilder b = new StringBuilder(length + 8 * captured.length);
        for (int i = 0; i < captured.length; i++) b.append(parts[i]).append(Math.max(0, (now - captured[i]) / 1000));
        return b.append(parts[captured.length]).toString();
    }
}
