package org.microsmartgrid.building.access;

import org.microsmartgrid.testing.ManualClock;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.microsmartgrid.api.building.AccessEvent;
import org.microsmartgrid.api.building.AlarmEvent;
import org.microsmartgrid.api.building.BuildingEventListener;
import org.microsmartgrid.building.access.door.DoorDevice;
import org.microsmartgrid.building.access.door.DoorSettings;
import org.microsmartgrid.building.access.door.FailMode;
import org.microsmartgrid.building.access.testing.FakePins;

/** Two doors on fake pins, a hub with a recording listener, and an access configuration. */
public final class TestBuilding {
    public final ManualClock clock = ManualClock.at("2026-12-07T09:00:00Z");
    public final BuildingHub hub = new BuildingHub();
    public final Map<String, FakePins> pins = new HashMap<>();
    public final Map<String, DoorDevice> doors = new HashMap<>();
    public final List<AccessEvent> accessEvents = new ArrayList<>();
    public final List<AlarmEvent> alarms = new ArrayList<>();

    public TestBuilding() {
        hub.addListener(new BuildingEventListener() {
            @Override
            public void accessAttempt(AccessEvent event) {
                accessEvents.add(event);
            }

            @Override
            public void alarm(AlarmEvent event) {
                alarms.add(event);
            }
        });
        door("portone", 17, 27);
        door("locker-1", 22, null);
    }

    public void door(String id, int out, Integer contact) {
        FakePins p = new FakePins();
        DoorSettings s = new DoorSettings(id, id, out, false, contact, false, Duration.ofSeconds(5),
                Duration.ofSeconds(60), FailMode.FAIL_SECURE);
        DoorDevice d = new DoorDevice(s, p.output(), contact == null ? null : p.contact(), clock, hub::publish);
        hub.add("pid-" + id, d);
        pins.put(id, p);
        doors.put(id, d);
    }

    public static AccessConfig config(Path journal) {
        return new AccessConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AccessConfig.class;
            }

            @Override
            public String journal_path() {
                return journal.toString();
            }

            @Override
            public int courier_max_hours() {
                return 12;
            }

            @Override
            public int intervention_max_hours() {
                return 168;
            }

            @Override
            public int door_max_failures() {
                return 5;
            }

            @Override
            public int global_max_failures() {
                return 20;
            }

            @Override
            public int backoff_seconds() {
                return 30;
            }

            @Override
            public int max_backoff_seconds() {
                return 900;
            }
        };
    }
}
