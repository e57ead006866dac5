package org.microsmartgrid.host.energy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The ledger in one small JSON file, replaced atomically: the new content goes to a temporary file in the same
 * folder, is forced to the disk, then renamed over the old one. A power cut leaves either the old file or the new
 * one, never half of one. A few kilobytes per month of days.
 */
public final class EnergyStore {
    static final int FORMAT = 1;
    private final Path file;
    private final Gson gson = new Gson();

    public EnergyStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * The saved state; empty when there is no file yet.
     *
     * @throws IOException the file cannot be read, or is not a ledger (the message says why)
     */
    public Optional<EnergyLedger.LedgerState> load() throws IOException {
        if (!Files.exists(file)) return Optional.empty();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Optional.of(fromJson(JsonParser.parseReader(r).getAsJsonObject()));
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException
                 | UnsupportedOperationException e) {
            throw new IOException(file + " is not an energy ledger: " + e.getMessage(), e);
        }
    }

    public void save(EnergyLedger.LedgerState state) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Writer w = Channels.newWriter(ch, StandardCharsets.UTF_8);
            gson.toJson(toJson(state), w);
            w.flush();
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static JsonObject toJson(EnergyLedger.LedgerState state) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        JsonObject counters = new JsonObject();
        state.counters().forEach((key, m) -> {
            JsonObject o = new JsonObject();
            o.addProperty("flow", m.flow().name());
            o.addProperty("wh", m.wh());
            o.addProperty("at", m.at().toString());
            counters.add(key, o);
        });
        root.add("counters", counters);
        JsonObject days = new JsonObject();
        new TreeMap<>(state.days()).forEach((day, d) -> {
            JsonObject o = new JsonObject();
            for (Flow f : Flow.values()) {
                double[] b = d[f.ordinal()];
                if (b[0] == 0 && b[1] == 0 && b[2] == 0) continue;
                JsonArray a = new JsonArray();
                for (double v : b) a.add(v);
                o.add(f.name(), a);
            }
            days.add(day.toString(), o);
        });
        root.add("days", days);
        return root;
    }

    static EnergyLedger.LedgerState fromJson(JsonObject root) {
        int format = root.get("format").getAsInt();
        if (format != FORMAT) throw new IllegalArgumentException("format " + format + ", this module reads " + FORMAT);
        Map<String, EnergyLedger.Mark> counters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.getAsJsonObject("counters").entrySet()) {
            JsonObject o = e.getValue().getAsJsonObject();
            counters.put(e.getKey(), new EnergyLedger.Mark(Flow.valueOf(o.get("flow").getAsString()),
                    o.get("wh").getAsDouble(), Instant.parse(o.get("at").getAsString())));
        }
        Map<LocalDate, double[][]> days = new TreeMap<>();
        for (Map.Entry<String, JsonElement> e : root.getAsJsonObject("days").entrySet()) {
            double[][] d = new double[Flow.values().length][3];
            for (Map.Entry<String, JsonElement> f : e.getValue().getAsJsonObject().entrySet()) {
                JsonArray a = f.getValue().getAsJsonArray();
                if (a.size() != 3) throw new IllegalArgumentException(e.getKey() + " " + f.getKey() + ": 3 bands expected");
                for (int b = 0; b < 3; b++) d[Flow.valueOf(f.getKey()).ordinal()][b] = a.get(b).getAsDouble();
            }
            days.put(LocalDate.parse(e.getKey()), d);
        }
        return new EnergyLedger.LedgerState(counters, days);
    }
}
