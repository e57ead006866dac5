package org.microsmartgrid.charging.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.microsmartgrid.api.charging.ChargingMode;

/** Turns the raw configuration into {@link Settings}, naming every bad property at once. Pure. */
public final class ConfigValidator {

    static final Set<String> BANDS = Set.of("F1", "F2", "F3");
    static final String DATA_VARIABLE = "${msg.data}";

    private ConfigValidator() {
    }

    /**
     * @param properties framework/system property lookup, for {@code msg.data} (null result: "data")
     * @throws IllegalArgumentException naming the pid and each offending property
     */
    public static Settings validate(String pid, ChargingConfig c, UnaryOperator<String> properties) {
        List<String> problems = new ArrayList<>();

        String path = c.database_path() == null ? "" : c.database_path().trim();
        if (path.isEmpty()) problems.add("database.path is empty");
        String data = properties.apply("msg.data");
        path = path.replace(DATA_VARIABLE, data == null || data.isBlank() ? "data" : data.trim());

        ChargingMode mode = null;
        String m = c.default_mode() == null ? "" : c.default_mode().trim().toUpperCase(Locale.ROOT);
        if (m.equals("NOW")) mode = ChargingMode.NOW;
        else if (m.equals("SOLAR_ONLY")) mode = ChargingMode.SOLAR_ONLY;
        else problems.add("default.mode = " + c.default_mode() + " is not NOW or SOLAR_ONLY");

        double plug = c.plug_detect_w();
        if (!(plug >= 1 && plug <= 1000)) problems.add("plug.detect.w = " + plug + " is not within 1..1000 W");
        int unplug = c.unplug_after_s();
        if (unplug < 10 || unplug > 86400) problems.add("unplug.after.s = " + unplug + " is not within 10..86400 s");
        int hold = c.stop_hold_s();
        if (hold < 0 || hold > 86400) problems.add("stop.hold.s = " + hold + " is not within 0..86400 s");
        int keep = c.retention_days();
        if (keep < 0 || keep > 36500) problems.add("retention.days = " + keep + " is not within 0..36500");

        Map<String, Double> prices = new TreeMap<>();
        Set<String> named = new HashSet<>(); // bands with an entry, good or bad: a bad one is not also "missing"
        for (String e : nonNull(c.tariff_eur_kwh())) {
            String[] kv = e == null ? new String[0] : e.split("=", 2);
            if (kv.length != 2) {
                problems.add("tariff.eur.kwh entry '" + e + "' is not BAND=price");
                continue;
            }
            String band = kv[0].trim().toUpperCase(Locale.ROOT);
            Double price = parse(kv[1].trim());
            named.add(band);
            if (!BANDS.contains(band)) problems.add("tariff.eur.kwh entry '" + e + "': band is not F1, F2 or F3");
            else if (price == null || price < 0 || price > 10)
                problems.add("tariff.eur.kwh entry '" + e + "': price is not a number within 0..10 EUR/kWh");
            else if (prices.put(band, price) != null) problems.add("tariff.eur.kwh lists " + band + " twice");
        }
        for (String band : new java.util.TreeSet<>(BANDS))
            if (!named.contains(band))
                problems.add("tariff.eur.kwh has no price for " + band);

        Set<String> hashes = new HashSet<>();
        for (String t : nonNull(c.authorized_tokens())) {
            String h = t == null ? "" : t.trim().toLowerCase(Locale.ROOT);
            if (h.isEmpty()) continue; // consoles save an empty list as one empty string
            if (!Tokens.isHash(h)) problems.add("authorized.tokens entry '" + abbreviate(t)
                    + "' is not a SHA-256 hash (64 hex digits); store the hash, never the token");
            else if (!hashes.add(h)) problems.add("authorized.tokens lists " + abbreviate(h) + " twice");
        }

        Map<Integer, String> homes = FleetVehicles.parse(nonNull(c.fleet_vehicles()), problems);

        if (!problems.isEmpty())
            throw new IllegalArgumentException(pid + ": invalid configuration: " + String.join("; ", problems));
        return new Settings(path, mode, plug, Duration.ofSeconds(unplug), prices, hashes, Duration.ofSeconds(hold),
                Duration.ofDays(keep), homes);
    }

    private static String[] nonNull(String[] a) {
        return a == null ? new String[0] : a;
    }

    /** Never echo what may be a token in clear into the log. */
    private static String abbreviate(String s) {
        return s.length() <= 8 ? s.replaceAll(".", "*") : s.substring(0, 4) + "…";
    }

    private static Double parse(String s) {
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
