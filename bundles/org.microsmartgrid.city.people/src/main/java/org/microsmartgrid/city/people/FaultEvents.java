package org.microsmartgrid.city.people;

import java.util.LinkedHashMap;
import java.util.Map;

import org.microsmartgrid.city.people.driver.Faults;
import org.microsmartgrid.city.registry.Location;
import org.osgi.service.event.Event;

/**
 * A fault report as an OSGi event (EventAdmin, topic {@value #TOPIC}), for whoever shows the city's technicians the
 * events of a module (the city's event stream): which point, which module when a module reports it, what kind,
 * when. Never who reported it nor the free text (it may hold personal data; technicians read it through the API).
 */
public final class FaultEvents {

    public static final String TOPIC = "org/microsmartgrid/city/people/FAULT_REPORTED";

    private FaultEvents() {
    }

    public static Event of(Faults.Fault f, Location point) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fault.id", f.id());
        p.put("location.id", f.pointId());
        p.put("kind", f.kind().name());
        p.put("timestamp", f.at());
        p.put("monitored", point.monitored());
        if (point.module() != null) {
            p.put("module.account", point.module().account());
            p.put("module.client.id", point.module().clientId());
        }
        return new Event(TOPIC, p);
    }
}
