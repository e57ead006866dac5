package org.microsmartgrid.building.access.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ArmingTest {
    final ArmingSchedule night = ArmingSchedule.parse("22:00-06:30");

    static Instant italy(String local) {
        return LocalDateTime.parse(local).atZone(ArmingSchedule.ITALY).toInstant();
    }

    @Test
    void aWindowAcrossMidnightInItalianTime() {
        assertTrue(night.armed(italy("2026-12-07T23:00")));
        assertTrue(night.armed(italy("2026-12-08T06:29")));
        assertFalse(night.armed(italy("2026-12-08T06:30")));
        assertFalse(night.armed(italy("2026-07-08T21:59")), "summer time too: local time, not UTC");
        assertTrue(night.armed(italy("2026-07-08T22:00")));
    }

    @Test
    void badSchedulesAreNamed() {
        for (String bad : new String[] {"22-06", "22:00", "22:00-22:00", "25:00-06:00", "22:00-06:00,x"})
            assertThrows(IllegalArgumentException.class, () -> ArmingSchedule.parse(bad), bad);
        assertThrows(IllegalArgumentException.class, () -> ArmingMode.parse("OFF"));
    }

    @Property
    void tamperSmokeAndFloodAlarmWhateverTheArming(@ForAll InputType type, @ForAll boolean active,
                                                    @ForAll boolean armed) {
        boolean alarm = ArmingMode.alarm(type, active, armed);
        if (!active) assertFalse(alarm, "an idle input never alarms");
        else if (type.alwaysArmed()) assertTrue(alarm, type + " is always armed");
        else assertTrue(alarm == armed);
    }

    @Test
    void aPersonsChoiceOverridesTheSchedule() {
        Instant day = italy("2026-12-07T12:00");
        assertTrue(ArmingMode.ARMED.armed(night, day));
        assertFalse(ArmingMode.DISARMED.armed(night, italy("2026-12-07T23:00")));
        assertFalse(ArmingMode.AUTO.armed(night, day));
    }
}
