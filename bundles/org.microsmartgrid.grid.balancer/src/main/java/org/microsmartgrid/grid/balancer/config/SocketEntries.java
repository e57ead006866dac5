package org.microsmartgrid.grid.balancer.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Parses per-socket lists such as {@code socket.priorities = ["1=MOBILITY_AID", "2=PUBLIC"]}: socket number,
 * '=', value. Problems (bad number, duplicate socket, bad value) are collected, each naming the property and entry.
 */
final class SocketEntries {

    static final int MAX_SOCKET = 64;

    private SocketEntries() {
    }

    static <T> Map<Integer, T> parse(String property, String[] entries, Function<String, T> value, List<String> problems) {
        Map<Integer, T> result = new TreeMap<>();
        if (entries == null) return result;
        for (String raw : entries) {
            if (raw == null || raw.isBlank()) continue; // the web console leaves empty rows
            String entry = raw.trim();
            int eq = entry.indexOf('=');
            if (eq < 0) {
                problems.add(property + ": '" + entry + "' is not socket=value");
                continue;
            }
            int socket;
            try {
                socket = Integer.parseInt(entry.substring(0, eq).trim());
            } catch (NumberFormatException e) {
                problems.add(property + ": '" + entry + "' does not start with a socket number");
                continue;
            }
            if (socket < 1 || socket > MAX_SOCKET) {
                problems.add(property + ": socket " + socket + " is out of range 1.." + MAX_SOCKET);
                continue;
            }
            if (result.containsKey(socket)) {
                problems.add(property + ": socket " + socket + " is listed twice");
                continue;
            }
            try {
                result.put(socket, value.apply(entry.substring(eq + 1).trim()));
            } catch (IllegalArgumentException e) {
                problems.add(property + ": '" + entry + "': " + e.getMessage());
            }
        }
        return result;
    }
}
