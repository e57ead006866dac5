package org.microsmartgrid.city.doors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.microsmartgrid.city.broker.doorcodes.ModuleDoorList;
import org.microsmartgrid.city.ingest.Telemetry;
import org.microsmartgrid.city.ingest.TelemetryObserver;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Which doors each module has, as its latest BIRTH or APPS said: {@code extended_properties} →
 * {@code properties.MicroSmartGrid.doors}, a JSON array of {@code {"id","label"}} of the doors on the public "I am at
 * the door" page, and {@code owner_doors}, the same for the doors the module keeps off it ({@code public.page} off;
 * docs/cloud-management.md). The public page sees only the first ({@link #doors}); the point's owner sees both
 * ({@link ModuleDoorList}). Kept in memory: every module says BIRTH again when it reconnects, and with the embedded
 * broker a city restart reconnects them all. A module whose certificate lists no doors has none; anything malformed
 * in the lists is left out (logged).
 */
@Component(service = {TelemetryObserver.class, DoorDirectory.class, ModuleDoorList.class})
public final class DoorDirectory implements TelemetryObserver, ModuleDoorList {

    static final int MAX_DOORS = 16;
    static final int MAX_LABEL = 64;
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Logger LOG = LoggerFactory.getLogger(DoorDirectory.class);

    private final Map<String, List<OwnerDoor>> doors = new ConcurrentHashMap<>();

    @Override
    public void observed(Telemetry t) {
        if (!t.resource().equals("MQTT/BIRTH") && !t.resource().equals("MQTT/APPS")) return;
        List<OwnerDoor> list = parse(t.metrics().get("extended_properties"), t.account() + "/" + t.clientId());
        String key = key(t.account(), t.clientId());
        if (list.isEmpty()) doors.remove(key);
        else doors.put(key, list);
    }

    /**
     * The module's doors on the public page, by its certificate's order; empty when it has none or never said BIRTH
     * since the start. A door kept off the page is not here: for the public it does not exist.
     */
    public List<PublicDoor> doors(String account, String clientId) {
        return all(account, clientId).stream().filter(OwnerDoor::publicPage)
                .map(d -> new PublicDoor(d.id(), d.label())).toList();
    }

    /** Every door of the module, for its point's owner (people's courier codes): never for the public page. */
    @Override
    public List<OwnerDoor> ownerDoors(String account, String clientId) {
        return all(account, clientId);
    }

    private List<OwnerDoor> all(String account, String clientId) {
        return doors.getOrDefault(key(account, clientId), List.of());
    }

    private static String key(String account, String clientId) {
        return account + "/" + clientId;
    }

    static List<OwnerDoor> parse(Object extended, String module) {
        if (!(extended instanceof String json)) return List.of();
        List<OwnerDoor> out = new ArrayList<>();
        try {
            JsonObject facts = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("properties")
                    .getAsJsonObject("MicroSmartGrid");
            // the public ones first: with more than MAX_DOORS in all, those kept off the page are the ones left out
            if (!read(facts.get("doors"), true, out, module)) return List.copyOf(out);
            read(facts.get("owner_doors"), false, out, module);
        } catch (RuntimeException malformed) { // not JSON, not the shape above, a null where a string goes
            LOG.warn("module {}: its doors in BIRTH are not readable ({}); none on the map", module,
                    malformed.getClass().getSimpleName());
            return List.of();
        }
        return List.copyOf(out);
    }

    /** Adds the doors of one list (a JSON array inside a string, or absent); false once MAX_DOORS are read. */
    private static boolean read(JsonElement list, boolean publicPage, List<OwnerDoor> out, String module) {
        if (list == null) return true;
        for (JsonElement e : JsonParser.parseString(list.getAsString()).getAsJsonArray()) {
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
                return false;
            }
            out.add(new OwnerDoor(id, label, publicPage));
        }
        return true;
    }
}
