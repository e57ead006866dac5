package org.microsmartgrid.charging.config;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The {@code fleet.vehicles} entries, {@code name=home socket}: one vehicle per home socket, names unique. */
final class FleetVehicles {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    static final int MAX_SOCKET = 64;

    private FleetVehicles() {
    }

    /** @return home socket → vehicle; each bad entry is added to {@code problems} */
    static Map<Integer, String> parse(String[] entries, List<String> problems) {
        Map<Integer, String> homes = new TreeMap<>();
        Set<String> names = new HashSet<>();
        for (String e : entries) {
            String entry = e == null ? "" : e.strip();
            if (entry.isEmpty()) continue; // consoles save an empty list as one empty string
            String[] kv = entry.split("=", 2);
            String name = kv[0].strip().toLowerCase(Locale.ROOT);
            Integer socket = kv.length == 2 ? socket(kv[1].strip()) : null;
            if (kv.length != 2 || !NAME.matcher(name).matches() || socket == null) {
                problems.add("fleet.vehicles entry '" + entry + "' is not name=socket (a name of letters, digits, "
                        + "- or _, at most 32; a socket 1.." + MAX_SOCKET + "), e.g. bike-7=2");
            } else if (!names.add(name)) {
                problems.add("fleet.vehicles lists " + name + " twice");
            } else if (homes.containsKey(socket)) {
                problems.add("fleet.vehicles: socket " + socket + " is the home of both " + homes.get(socket)
                        + " and " + name + " (one vehicle per home socket)");
            } else {
                homes.put(socket, name);
            }
        }
        return homes;
    }

    private static Integer socket(String s) {
        try {
            int n = Integer.parseInt(s);
            return n >= 1 && n <= MAX_SOCKET ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
