package org.microsmartgrid.console.commissioning;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.felix.utils.properties.TypedProperties;

/**
 * The boards of hardware/boards (the bundle carries a copy under {@code boards/}): each folder one board. A folder
 * with only a chip file (the laptop demo's mock pins) takes the relay files of the board with the same pin map, as
 * hardware/boards/README.md says to do by hand.
 */
public final class BoardCatalog {

    public static final String CHIP_FILE = "org.microsmartgrid.relay.gpio.GpioChip.config";
    public static final String RELAY_PREFIX = "org.microsmartgrid.relay.gpio.GpioRelay-";

    private BoardCatalog() {
    }

    /**
     * @param files folder → (file name → UTF-8 text)
     * @throws IllegalArgumentException a file that does not parse (a broken copy in the bundle)
     */
    public static List<Board> parse(Map<String, Map<String, String>> files) {
        List<Board> own = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> folder : new TreeMap<>(files).entrySet()) {
            String chip = folder.getValue().get(CHIP_FILE);
            if (chip == null) continue;
            Map<String, Map<String, Object>> relays = new TreeMap<>();
            for (Map.Entry<String, String> f : folder.getValue().entrySet())
                if (f.getKey().startsWith(RELAY_PREFIX) && f.getKey().endsWith(".config"))
                    relays.put(f.getKey(), read(folder.getKey() + "/" + f.getKey(), f.getValue()));
            own.add(new Board(folder.getKey(), read(folder.getKey() + "/" + CHIP_FILE, chip), relays));
        }
        List<Board> boards = new ArrayList<>();
        for (Board b : own) {
            if (!b.relays().isEmpty()) {
                boards.add(b);
                continue;
            }
            Optional<Board> twin = own.stream().filter(o -> o != b && !o.relays().isEmpty() && o.samePins(b)).findFirst();
            boards.add(twin.map(t -> new Board(b.folder(), b.chip(), t.relays())).orElse(b));
        }
        return boards;
    }

    public static Optional<Board> find(List<Board> boards, String folder) {
        return boards.stream().filter(b -> b.folder().equals(folder)).findFirst();
    }

    /** The typed .config format, read as FileInstall reads it (Felix Utils' TypedProperties). */
    static Map<String, Object> read(String name, String text) {
        try (StringReader r = new StringReader(text)) {
            TypedProperties p = new TypedProperties();
            p.load(r);
            Map<String, Object> result = new LinkedHashMap<>();
            for (String key : p.keySet()) result.put(key, p.get(key));
            return result;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("board file " + name + " does not parse: " + e.getMessage(), e);
        }
    }
}
