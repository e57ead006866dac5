package org.microsmartgrid.city.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.OperatorType;

import com.google.gson.stream.JsonWriter;

/**
 * What the public may see of a location (DESIGN.md §9): a private provider's name and address never; each socket's
 * status as the public sees it (UNKNOWN when its module is offline) and how old it is; whether a module is online and
 * when it was last heard; not the module's serial number or client id.
 */
final class PublicView {

    static final String PRIVATE_NAME = "Punto privato / Private point";

    private PublicView() {
    }

    static boolean isPublic(Location l) {
        return l.located();
    }

    static String name(Location l) {
        return l.operatorType() == OperatorType.PRIVATE_INDIVIDUAL ? PRIVATE_NAME : l.name();
    }

    static String address(Location l) {
        return l.operatorType() == OperatorType.PRIVATE_INDIVIDUAL ? null : l.address();
    }

    /** How a socket's status age is written: its value at an answer's time, or a hole {@link PointJson} fills later. */
    interface AgeWriter {
        void write(JsonWriter w, long capturedAt) throws IOException;
    }

    /**
     * Writes {@link #of(Location, long)}'s document straight from the location, the same text Gson writes for the map
     * (PointJsonTest): no maps to build for the 20 points of every search answer (docs/benchmarks.md §11).
     */
    static void write(JsonWriter w, Location l, AgeWriter age) throws IOException {
        w.beginObject();
        w.name("id").value(l.id());
        w.name("name").value(name(l));
        w.name("address").value(address(l));
        w.name("city").value(l.city());
        w.name("latitude").value(l.latitude());
        w.name("longitude").value(l.longitude());
        w.name("operator_type").value(l.operatorType().name());
        w.name("monitored").value(l.monitored());
        w.name("vehicle_classes");
        strings(w, l.vehicleClasses().stream().map(Enum::name).toList());
        w.name("facilities");
        strings(w, l.facilities());
        w.name("opening_hours").value(l.openingHours());
        w.name("free_of_charge").value(l.freeOfCharge());
        w.name("price").value(l.priceText());
        if (l.module() != null) {
            w.name("module").beginObject();
            w.name("online").value(l.module().online());
            w.name("last_heard").value(Times.iso(l.module().lastHeard()));
            w.endObject();
        }
        w.name("evses").beginArray();
        for (Evse e : l.evses()) {
            w.beginObject();
            w.name("socket").value(e.socket());
            w.name("status").value(l.publicStatus(e).name());
            w.name("status_captured").value(e.statusAt() > 0 ? Times.iso(e.statusAt()) : null);
            w.name("status_age_s");
            if (e.statusAt() > 0) age.write(w, e.statusAt());
            else w.nullValue();
            w.name("connectors").beginArray();
            for (Connector c : e.connectors()) {
                w.beginObject();
                w.name("id").value(c.id());
                w.name("standard").value(c.standard());
                w.name("format").value(c.format());
                w.name("power_type").value(c.powerType());
                w.name("max_voltage").value(c.maxVoltage());
                w.name("max_amperage").value(c.maxAmperage());
                w.name("max_power_w").value(c.maxPowerW());
                w.endObject();
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.name("last_updated").value(Times.iso(l.lastUpdated()));
        w.endObject();
    }

    /** Sorted, as the TreeSet of {@link #of} has them. */
    private static void strings(JsonWriter w, java.util.Collection<String> values) throws IOException {
        w.beginArray();
        for (String v : new TreeSet<>(values)) w.value(v);
        w.endArray();
    }

    static Map<String, Object> of(Location l) {
        return of(l, System.currentTimeMillis());
    }

    /** @param now the answer's time, epoch ms: how old each status is ({@code status_age_s}) is counted from it */
    static Map<String, Object> of(Location l, long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("name", name(l));
        m.put("address", address(l));
        m.put("city", l.city());
        m.put("latitude", l.latitude());
        m.put("longitude", l.longitude());
        m.put("operator_type", l.operatorType().name());
        m.put("monitored", l.monitored());
        m.put("vehicle_classes", new TreeSet<>(l.vehicleClasses().stream().map(Enum::name).toList()));
        m.put("facilities", new TreeSet<>(l.facilities()));
        m.put("opening_hours", l.openingHours());
        m.put("free_of_charge", l.freeOfCharge());
        m.put("price", l.priceText());
        if (l.module() != null) {
            Map<String, Object> mod = new LinkedHashMap<>();
            mod.put("online", l.module().online());
            mod.put("last_heard", Times.iso(l.module().lastHeard()));
            m.put("module", mod);
        }
        List<Map<String, Object>> evses = new ArrayList<>();
        for (Evse e : l.evses()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("socket", e.socket());
            em.put("status", l.publicStatus(e).name());
            em.put("status_captured", e.statusAt() > 0 ? Times.iso(e.statusAt()) : null);
            em.put("status_age_s", e.statusAt() > 0 ? Math.max(0, (now - e.statusAt()) / 1000) : null);
            List<Map<String, Object>> cs = new ArrayList<>();
            for (Connector c : e.connectors()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("id", c.id());
                cm.put("standard", c.standard());
                cm.put("format", c.format());
                cm.put("power_type", c.powerType());
                cm.put("max_voltage", c.maxVoltage());
                cm.put("max_amperage", c.maxAmperage());
                cm.put("max_power_w", c.maxPowerW());
                cs.add(cm);
            }
            em.put("connectors", cs);
            evses.add(em);
        }
        m.put("evses", evses);
        m.put("last_updated", Times.iso(l.lastUpdated()));
        return m;
    }
}
