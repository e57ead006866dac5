package org.microsmartgrid.building.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.microsmartgrid.api.building.AccessEvent;
import org.microsmartgrid.api.building.AlarmEvent;
import org.microsmartgrid.api.building.BuildingEventListener;
import org.microsmartgrid.building.access.door.DoorDevice;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the doors and the code service share inside this bundle: the running doors by id (an id has one door), one
 * timer thread, and the fan-out of events to every {@link BuildingEventListener}.
 */
@Component(service = BuildingHub.class)
public class BuildingHub {
    private static final Logger log = LoggerFactory.getLogger(BuildingHub.class);

    private final Map<String, DoorDevice> doors = new ConcurrentHashMap<>();
    private final Map<String, String> doorOwners = new ConcurrentHashMap<>();
    private final List<BuildingEventListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "msg-building-doors");
        t.setDaemon(true);
        return t;
    });

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addListener(BuildingEventListener l) {
        listeners.add(l);
    }

    public void removeListener(BuildingEventListener l) {
        listeners.remove(l);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    /** @throws IllegalStateException when another configuration holds the door id */
    synchronized void add(String owner, DoorDevice door) {
        String held = doorOwners.get(door.id());
        if (held != null && !held.equals(owner))
            throw new IllegalStateException("door id '" + door.id() + "' is already used by configuration " + held);
        doorOwners.put(door.id(), owner);
        doors.put(door.id(), door);
    }

    synchronized void remove(String owner) {
        doorOwners.entrySet().removeIf(e -> {
            if (!e.getValue().equals(owner)) return false;
            doors.remove(e.getKey());
            return true;
        });
    }

    public Optional<DoorDevice> door(String id) {
        return Optional.ofNullable(id == null ? null : doors.get(id));
    }

    public Map<String, DoorDevice> doors() {
        return Map.copyOf(doors);
    }

    public void publish(AccessEvent e) {
        for (BuildingEventListener l : listeners) {
            try {
                l.accessAttempt(e);
            } catch (RuntimeException x) {
                log.error("building event listener {} failed: {}", l, x.toString(), x);
            }
        }
    }

    public void publish(AlarmEvent e) {
        log.warn("alarm {} {} on {}: {}", e.type(), e.active() ? "RAISED" : "cleared", e.source(), e.detail());
        for (BuildingEventListener l : listeners) {
            try {
                l.alarm(e);
            } catch (RuntimeException x) {
                log.error("building event listener {} failed: {}", l, x.toString(), x);
            }
        }
    }
}
