package org.microsmartgrid.city.api;

import java.util.Map;
import java.util.Set;

/** Query parameters, checked: unknown names, repeated names and values out of range are refused with a problem. */
final class Params {

    private final Map<String, String[]> raw;

    Params(Map<String, String[]> raw, Set<String> allowed) {
        this.raw = raw;
        for (var e : raw.entrySet()) {
            if (!allowed.contains(e.getKey()))
                throw new Problem.Raised(Problem.badParameter(clip(e.getKey()), "parametro sconosciuto / unknown parameter: "
                        + clip(e.getKey()) + " (ammessi / allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")"));
            if (e.getValue().length != 1)
                throw new Problem.Raised(Problem.badParameter(clip(e.getKey()),
                        "parametro ripetuto / repeated parameter: " + clip(e.getKey())));
        }
    }

    int integer(String name, int dflt, int min, int max) {
        String[] v = raw.get(name);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v[0].strip());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new Problem.Raised(Problem.badParameter(name, name + " deve essere un intero tra / must be an integer from "
                    + min + " to " + max + ": " + clip(v[0])));
        }
    }

    /** The value as sent, or null when absent. */
    String value(String name) {
        String[] v = raw.get(name);
        return v == null ? null : v[0];
    }

    static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
