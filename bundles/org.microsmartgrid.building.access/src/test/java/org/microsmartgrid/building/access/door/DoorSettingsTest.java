package org.microsmartgrid.building.access.door;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class DoorSettingsTest {
    final ToIntFunction<String> bcm = s -> {
        if ("CH1".equals(s)) return 26;
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a pin");
        }
    };

    DoorSettings.Raw raw(String id, String out, String contact, int open, int alarm, String mode) {
        return new DoorSettings.Raw(id, "", out, false, contact, false, open, alarm, mode);
    }

    @Test
    void aGoodDoor() {
        DoorSettings s = DoorSettings.validate("pid", raw("portone", "CH1", "", 5, 120, "FAIL_SAFE"), bcm);
        assertEquals(26, s.outputBcm());
        assertNull(s.contactBcm());
        assertEquals(FailMode.FAIL_SAFE, s.failMode());
        assertEquals("portone", s.name());
    }

    @Test
    void aDoorIsOnThePublicPageUnlessTheInstallerKeepsItOff() {
        DoorSettings on = DoorSettings.validate("pid", raw("portone", "17", "", 5, 120, "FAIL_SECURE"), bcm);
        assertTrue(on.publicPage(), "the default: a strike or a locker is what couriers open");
        DoorSettings off = DoorSettings.validate("pid", new DoorSettings.Raw("portone", "", "17", false, "", false, 5,
                120, "FAIL_SECURE", false), bcm);
        assertFalse(off.publicPage());
        assertTrue(on.sameHardware(off), "taken off the page live: the door keeps running, locked as it was");
    }

    @Test
    void eachBadValueIsNamed() {
        assertProperty("door.id", raw("Portone!", "17", "", 5, 120, "FAIL_SECURE"));
        assertProperty("output.pin", raw("portone", "x", "", 5, 120, "FAIL_SECURE"));
        assertProperty("contact.pin", raw("portone", "17", "17", 5, 120, "FAIL_SECURE"));
        assertProperty("open.seconds", raw("portone", "17", "", 0, 120, "FAIL_SECURE"));
        assertProperty("open.seconds", raw("portone", "17", "", 31, 120, "FAIL_SECURE"));
        assertProperty("left.open.alarm.seconds", raw("portone", "17", "", 5, 5, "FAIL_SECURE"));
        assertProperty("fail.mode", raw("portone", "17", "", 5, 120, "open"));
    }

    private void assertProperty(String property, DoorSettings.Raw r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DoorSettings.validate("pid", r, bcm));
        assertTrue(e.getMessage().contains("'" + property + "'"), e.getMessage());
    }
}
