package org.microsmartgrid.city.doors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.microsmartgrid.city.ingest.Telemetry;
import org.microsmartgrid.city.ingest.TelemetryObserver;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * Which doors each module has, as its latest BIRTH or APPS said: {@code extended_properties} →
 * {@code properties.MicroSmartGrid.doors}, a JSON array of {@code {"id","label"}} (docs/cloud-management.md). Kept in
 * memory: every module says BIRTH again when it reconnects, and with the embedded broker a city restart reconnects
 * them all. A module whose certificate lists no doors has none; anything malformed in the list is left out (logged).
 */
@Component(service = {TelemetryObserver.class, DoorDirectory.class})
public final class DoorDirectory implements TelemetryObserver {

    static final int MAX_DOORS = 16;
    static final int MAX_LABEL = 64;
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Logger LOG = LoggerFactory.getLogger(DoorDirectory.class);

    private final Map<String, List<PublicDoor>> doors = new ConcurrentHashMap<>();

    @Override
    public void observed(Telemetry t) {
        if (!t.resource().equals("MQTT/BIRTH") && !t.resource().equals("MQTT/APPS")) return;
        List<PublicDoor> list = parse(t.metrics().get("extended_properties"), t.account() + "/" + t.clientId());
        String key = key(t.account(), t.clientId());
        if (list.isEmpty()) doors.remove(key);
        else doors.put(key, list);
    }

    /** The module's doors, by its certificate's order; empty when it has none or never said BIRTH since the start. */
    public List<PublicDoor> doors(String account, String clientId) {
        return doors.getOrDefault(key(account, clientId), List.of());
    }

    private static String key(String account, String clientId) {
        return account + "/" + clientId;
    }

    static List<PublicDoor> parse(Object extended, String module) {
        if (!(extended instanceof String json)) return List.of();
        List<PublicDoor> out = new ArrayList<>();
        try {
            JsonElement facts = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("properties")
                    .getAsJsonObject("MicroSmartGrid").get("doors");
            if (facts == null) return List.of();
            for (JsonElement e : JsonParser.parseString(facts.getAsString()).getAsJsonArray()) {
                String id = e.getAsJsonObject().get("id").getAsString();
                String label = e.getAsJsonObject().get("label").getAsString().strip();
                if (!ID.matcher(id).matches() || label.isEmpty() || label.length() > MAX_LABEL
                        || label.chars().anyMatch(Character::isISOControl)
                        || out.stream().anyMatch(d -> d.id().equals(id))) {
                    LOG.warn("module {}: door '{}' left out of the map (id or label not acceptable)", module,
                            id.length() > 40 ? id.substring(0, 40) : id);
                    continue;
                }
                if (out.size() == MAX_DOORS) {
                    LOG.warn("module {}: more than {} doors; the rest are not on the map", module, MAX_DOORS);
                    break;
                }
                out.add(new PublicDoor(id, label));
            }
        } catch (RuntimeException malformed) { // not JSON, not the shape above, a null where a string goes
            LOG.warn("module {}: its doors in BIRTH are not readable ({}); none on the map", module,
                    malformed.getClass().getSimpleName());
            return List.of();
        }
        return List.copyOf(out);
    }
}
