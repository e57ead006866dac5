package org.microsmartgrid.cloud.management.conf;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * A secret is never replaced by what a form sends back without it. Kapua's console sends an unchanged single password
 * as nothing at all, but a password array as one field per slot: the stored entries as it decoded the mask, and ""
 * for every empty slot (up to ten). So: the mask at position i keeps stored entry i, an empty entry is an unused
 * slot, and when nothing but masks and empty slots came back the stored value stays as it is.
 */
final class SecretsKept {

    private SecretsKept() {
    }

    /** @return the values to validate and store, or null when the stored value is to be kept unchanged */
    static List<String> values(List<String> sent, Object stored) {
        boolean anyNew = sent.stream().anyMatch(t -> !t.isEmpty() && !PropertyValues.PASSWORD_MASK.equals(t));
        if (!anyNew) return null;
        List<String> result = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            String t = sent.get(i);
            if (t.isEmpty()) continue;
            if (PropertyValues.PASSWORD_MASK.equals(t)) {
                String kept = storedAt(stored, i);
                if (kept == null) throw new IllegalArgumentException("the mask was sent for entry " + (i + 1)
                        + ", which has no stored value to keep");
                result.add(kept);
            } else {
                result.add(t);
            }
        }
        return result;
    }

    private static String storedAt(Object stored, int i) {
        if (stored == null) return null;
        if (stored.getClass().isArray()) return i < Array.getLength(stored) ? String.valueOf(Array.get(stored, i)) : null;
        if (stored instanceof List<?> l) return i < l.size() ? String.valueOf(l.get(i)) : null;
        return i == 0 ? String.valueOf(stored) : null;
    }
}
