package org.microsmartgrid.building.access.security;

import org.microsmartgrid.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.building.AlarmEvent;

class InputDeviceTest {
    final ManualClock clock = ManualClock.at("2026-12-07T12:00:00Z");
    final AtomicBoolean level = new AtomicBoolean();

    InputDevice input(InputType type) {
        return new InputDevice(new InputSettings("x", type, 5, false, Duration.ofMillis(200)), level::get, clock);
    }

    @Test
    void enclosureTamperAlarmsWhileDisarmedAndClears() {
        InputDevice tamper = input(InputType.TAMPER);
        level.set(true);
        assertTrue(tamper.tick(false).isEmpty(), "not before the debounce time");
        clock.advance(Duration.ofMillis(200));
        AlarmEvent raised = tamper.tick(false).orElseThrow();
        assertTrue(raised.active());
        assertEquals("TAMPER", raised.type());
        assertEquals("x", raised.source());
        level.set(false);
        tamper.tick(false);
        clock.advance(Duration.ofMillis(200));
        assertFalse(tamper.tick(false).orElseThrow().active());
    }

    @Test
    void aPirAlarmsOnlyWhenArmed() {
        InputDevice pir = input(InputType.PIR);
        level.set(true);
        pir.tick(false);
        clock.advance(Duration.ofSeconds(1));
        assertTrue(pir.tick(false).isEmpty());
        assertTrue(pir.state().active());
        assertTrue(pir.tick(true).orElseThrow().active(), "arming with motion present alarms");
    }
}
