package org.microsmartgrid.telemetry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.microsmartgrid.api.building.AccessEvent;
import org.microsmartgrid.api.building.AlarmEvent;

/**
 * Resources {@code events/alarm} and {@code events/access} (docs/cloud-telemetry.md): the building's alarms and door
 * attempts for the technicians in Kapua. Never a code, never an intervention's reason, never who a PSK identity or
 * an installer is beyond its name on the module (the module's access journal keeps the rest).
 */
public final class BuildingMessages {
    private BuildingMessages() {
    }

    public static Map<String, Object> alarm(AlarmEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", e.source());
        m.put("type", e.type());
        m.put("active", e.active());
        m.put("detail", e.detail());
        return m;
    }

    public static Map<String, Object> access(AccessEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("door", e.door());
        m.put("outcome", e.outcome());
        if (e.kind() != null) m.put("kind", e.kind());
        if (e.codeId() != null) m.put("code_id", e.codeId());
        m.put("via", e.via());
        return m;
    }
}
