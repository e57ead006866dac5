package org.microsmartgrid.cloud.kura;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics docs/cloud-telemetry.md promises, read from the document itself: channel ("msg/site",
 * "msg/sockets/{n}", …) → metric name → Kura type (DOUBLE, INT32, INT64, BOOL, STRING).
 */
final class TelemetryContract {

    private static final Pattern SECTION = Pattern.compile("^## `(msg/[^`]+)`");
    private static final Pattern NAME = Pattern.compile("`([a-z_.]+)`(?:\\s*\\(([A-Z0-9]+))?");

    private TelemetryContract() {
    }

    static Map<String, Map<String, String>> read() throws IOException {
        Path doc = Path.of(System.getProperty("cloud.telemetry.doc", "../../docs/cloud-telemetry.md"));
        Map<String, Map<String, String>> channels = new LinkedHashMap<>();
        Map<String, String> common = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            Matcher section = SECTION.matcher(line);
            if (section.find()) {
                current = new LinkedHashMap<>();
                channels.put(section.group(1), current);
                continue;
            }
            if (line.startsWith("## ")) {
                current = line.startsWith("## Common") ? common : null;
                continue;
            }
            if (current == null) continue;
            if (line.startsWith("| `")) table(line, current);
            else if (line.startsWith("`")) prose(line, current);
        }
        channels.values().forEach(m -> m.putAll(common));
        return channels;
    }

    /** "| `a`, `b` | DOUBLE, INT64 | …": names in the first cell, their types in the second. */
    private static void table(String line, Map<String, String> into) {
        String[] cells = line.split("\\|");
        List<String> names = new ArrayList<>();
        Matcher n = Pattern.compile("`([^`]+)`").matcher(cells[1]);
        while (n.find()) names.add(n.group(1));
        String[] types = cells[2].trim().split("\\s*,\\s*");
        for (int i = 0; i < names.size(); i++)
            into.put(names.get(i), types[Math.min(i, types.length - 1)].split("\\s+")[0]); // "STRING (UUID)"
    }

    /** "`socket` (INT32), `status`, `previous` (STRING, …)": a name without a type takes the next one given. */
    private static void prose(String line, Map<String, String> into) {
        List<String> pending = new ArrayList<>();
        Matcher m = NAME.matcher(line);
        while (m.find()) {
            pending.add(m.group(1));
            if (m.group(2) != null) {
                for (String name : pending) into.put(name, m.group(2));
                pending.clear();
            }
        }
    }

    /** The Kura type of a Java metric value, as Kura's payload encoder maps it. */
    static String kuraType(Object value) {
        if (value instanceof Double) return "DOUBLE";
        if (value instanceof Integer) return "INT32";
        if (value instanceof Long) return "INT64";
        if (value instanceof Boolean) return "BOOL";
        if (value instanceof String) return "STRING";
        return value == null ? "null" : value.getClass().getName();
    }
}
