package org.microsmartgrid.city.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.OperatorType;

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
