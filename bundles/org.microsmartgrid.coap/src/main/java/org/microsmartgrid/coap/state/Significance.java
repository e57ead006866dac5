package org.microsmartgrid.coap.state;

import org.microsmartgrid.coap.senml.SenmlPack;
import org.microsmartgrid.coap.senml.SenmlRecord;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a resource changed enough to notify its observers: a power (W) that moved more than the deadband, a
 * percentage by a point or more, a time (s, e.g. a new end of the power cap) by a second or more, any state (boolean,
 * text) or a value that appeared or went away. Energies (Wh) grow steadily: they ride along with the next
 * notification instead of causing one.
 */
public final class Significance {

    private Significance() {
    }

    public static boolean changed(SenmlPack before, SenmlPack now, double deadbandW) {
        if (before == null) return true;
        Map<String, SenmlRecord> old = new HashMap<>();
        before.records().forEach(r -> old.put(r.name(), r));
        if (old.size() != now.records().size()) return true;
        for (SenmlRecord r : now.records()) {
            SenmlRecord o = old.get(r.name());
            if (o == null || !Objects.equals(o.unit(), r.unit())) return true;
            if (r.value() == null) {
                if (!Objects.equals(o.boolValue(), r.boolValue()) || !Objects.equals(o.stringValue(), r.stringValue())) return true;
                continue;
            }
            if (o.value() == null) return true;
            double delta = Math.abs(r.value() - o.value());
            String unit = r.unit() == null ? "" : r.unit();
            switch (unit) {
                case "W" -> { if (delta > deadbandW) return true; }
                case "%", "s" -> { if (delta >= 1) return true; }
                case "Wh" -> { }
                default -> { if (delta != 0) return true; }
            }
        }
        return false;
    }
}
