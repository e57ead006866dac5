package org.microsmartgrid.relay.gpio.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The board pin map: channel names printed on a relay board (CH1, CH2 ...) and the BCM GPIO numbers they are
 * wired to. It is configuration, not code, so a new relay HAT needs a config file, not a release.
 *
 * @param channels channel name to BCM number, in the order configured
 */
public record BoardPins(Map<String, Integer> channels) {

    /** BCM numbers usable on the Raspberry Pi 40-pin header (GPIO0..GPIO27). */
    public static final int MIN_BCM = 0;
    public static final int MAX_BCM = 27;

    public static final BoardPins NONE = new BoardPins(Map.of());

    public BoardPins {
        channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
    }

    /**
     * Parses entries such as {@code "CH1=26"}.
     *
     * @param pid      for error messages
     * @param property for error messages
     * @param entries  may be null (no map)
     */
    public static BoardPins parse(String pid, String property, String[] entries) {
        if (entries == null) return NONE;
        Map<String, Integer> channels = new LinkedHashMap<>();
        Map<Integer, String> byPin = new LinkedHashMap<>();
        for (String raw : entries) {
            if (raw == null || raw.isBlank()) continue; // an empty array element from a console form
            int eq = raw.indexOf('=');
            if (eq < 0) throw new InvalidConfigurationException(pid, property,
                    "entry '" + raw + "' is not CHANNEL=BCM (e.g. CH1=26)");
            String name = raw.substring(0, eq).trim();
            String number = raw.substring(eq + 1).trim();
            if (name.isEmpty()) throw new InvalidConfigurationException(pid, property,
                    "entry '" + raw + "' has no channel name before '='");
            if (isNumber(name)) throw new InvalidConfigurationException(pid, property,
                    "entry '" + raw + "': a channel name cannot be a number (relays would not know whether '"
                            + name + "' is a channel or a BCM pin)");
            int bcm = parseBcm(number, () -> new InvalidConfigurationException(pid, property,
                    "entry '" + raw + "': '" + number + "' is not a BCM pin number " + MIN_BCM + ".." + MAX_BCM));
            if (channels.containsKey(name)) throw new InvalidConfigurationException(pid, property,
                    "channel '" + name + "' is listed twice");
            String other = byPin.get(bcm);
            if (other != null) throw new InvalidConfigurationException(pid, property,
                    "channels '" + other + "' and '" + name + "' are both mapped to BCM " + bcm);
            channels.put(name, bcm);
            byPin.put(bcm, name);
        }
        return new BoardPins(channels);
    }

    /**
     * A relay's pin setting: a BCM number ("26") or a channel name of this board ("CH1").
     *
     * @return the BCM number
     */
    public int resolve(String pid, String property, String pin) {
        String p = pin == null ? "" : pin.trim();
        if (p.isEmpty()) throw new InvalidConfigurationException(pid, property,
                "is empty: give a BCM pin number (" + MIN_BCM + ".." + MAX_BCM + ") or a board channel name");
        if (isNumber(p)) return parseBcm(p, () -> new InvalidConfigurationException(pid, property,
                "= " + p + " is not a BCM pin of the Raspberry Pi 40-pin header (" + MIN_BCM + ".." + MAX_BCM + ")"));
        Integer bcm = channels.get(p);
        if (bcm == null) throw new InvalidConfigurationException(pid, property,
                "= '" + p + "' is not a channel of the configured board "
                        + (channels.isEmpty() ? "(the GPIO chip has no board.pins)" : "(known: " + String.join(", ", channels.keySet()) + ")"));
        return bcm;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c == '-' || c == '+' || Character.isDigit(c));
    }

    private static int parseBcm(String s, java.util.function.Supplier<InvalidConfigurationException> error) {
        try {
            int bcm = Integer.parseInt(s);
            if (bcm < MIN_BCM || bcm > MAX_BCM) throw error.get();
            return bcm;
        } catch (NumberFormatException e) {
            throw error.get();
        }
    }
}
