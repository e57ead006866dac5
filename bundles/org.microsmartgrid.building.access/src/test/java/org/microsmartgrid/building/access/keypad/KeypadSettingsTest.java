package org.microsmartgrid.building.access.keypad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class KeypadSettingsTest {
    static final ToIntFunction<String> BCM = p -> {
        if (p.equals("CH1")) return 26;
        try {
            return Integer.parseInt(p);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a pin");
        }
    };

    static KeypadSettings validate(String door, String d0, String d1, int gapMs, int timeoutS) {
        return KeypadSettings.validate("pid-k", new KeypadSettings.Raw(door, d0, d1, gapMs, timeoutS), BCM);
    }

    @Test
    void aGoodConfiguration() {
        KeypadSettings s = validate(" portone ", "23", "CH1", 25, 10);
        assertEquals(new KeypadSettings("portone", 23, 26, Duration.ofMillis(25), Duration.ofSeconds(10)), s);
    }

    @Test
    void theSamePinTwiceIsRefusedNamingTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> validate("portone", "23", "23", 25, 10));
        assertTrue(e.getMessage().contains("'d1.pin'") && e.getMessage().contains("BCM 23"), e.getMessage());
        assertTrue(e.getMessage().contains("pid-k"), e.getMessage());
    }

    @Test
    void everyBadValueNamesItsProperty() {
        assertRefused("door.id", () -> validate("Portone!", "23", "24", 25, 10));
        assertRefused("d0.pin", () -> validate("portone", "", "24", 25, 10));
        assertRefused("d1.pin", () -> validate("portone", "23", "pin seven", 25, 10));
        assertRefused("frame.gap.ms", () -> validate("portone", "23", "24", 2, 10));
        assertRefused("entry.timeout.seconds", () -> validate("portone", "23", "24", 25, 0));
    }

    private static void assertRefused(String property, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains("'" + property + "'"), x.getMessage());
    }
}
