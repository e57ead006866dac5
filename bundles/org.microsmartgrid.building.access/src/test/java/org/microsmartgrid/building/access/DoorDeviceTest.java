package org.microsmartgrid.building.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.building.access.door.DoorDevice;

class DoorDeviceTest {
    final TestBuilding b = new TestBuilding();
    final DoorDevice door = b.doors.get("portone");

    @Test
    void aDoorLeftOpenRaisesAnAlarmUntilItCloses() {
        b.pins.get("portone").doorOpen.set(true);
        door.tick();
        b.clock.advance(Duration.ofSeconds(59));
        door.tick();
        assertTrue(b.alarms.isEmpty(), "not before the alarm time");
        b.clock.advance(Duration.ofSeconds(1));
        door.tick();
        door.tick();
        assertEquals(1, b.alarms.size(), "raised once");
        assertTrue(b.alarms.get(0).active());
        assertEquals("DOOR_LEFT_OPEN", b.alarms.get(0).type());
        assertTrue(door.state().leftOpen());

        b.pins.get("portone").doorOpen.set(false);
        door.tick();
        assertEquals(2, b.alarms.size());
        assertFalse(b.alarms.get(1).active(), "cleared when closed");
        assertEquals("CLOSED", door.state().contact());
    }

    @Test
    void lockingAtStopDeEnergisesTheStrike() {
        door.release();
        assertTrue(door.state().released());
        door.lock();
        assertFalse(b.pins.get("portone").strike.get());
    }

    @Test
    void aDoorWithoutContactNeverAlarms() {
        DoorDevice locker = b.doors.get("locker-1");
        b.clock.advance(Duration.ofHours(1));
        locker.tick();
        assertEquals("NONE", locker.state().contact());
        assertTrue(b.alarms.isEmpty());
    }

    @Test
    void theStateSaysWhetherTheDoorIsOnThePublicPageAndFollowsALiveChange() {
        assertTrue(door.state().publicPage());
        org.microsmartgrid.building.access.door.DoorSettings s = door.settings();
        door.update(new org.microsmartgrid.building.access.door.DoorSettings(s.id(), s.name(), s.outputBcm(),
                s.outputActiveLow(), s.contactBcm(), s.contactActiveLow(), s.open(), s.leftOpenAlarm(), s.failMode(),
                false));
        assertFalse(door.state().publicPage());
    }
}
