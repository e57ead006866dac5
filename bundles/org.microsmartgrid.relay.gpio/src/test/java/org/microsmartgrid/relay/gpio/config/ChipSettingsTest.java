package org.microsmartgrid.relay.gpio.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChipSettingsTest {
    private static final String PID = "org.microsmartgrid.relay.gpio.GpioChip";

    @Test
    void providerIsRequiredThereIsNoSilentMock() {
        var e = assertThrows(InvalidConfigurationException.class, () -> ChipSettings.validate(PID, null, "", null));
        assertEquals("provider", e.property());
        assertTrue(e.getMessage().contains("required"), e.getMessage());
        assertThrows(InvalidConfigurationException.class, () -> ChipSettings.validate(PID, " ", "", null));
    }

    @Test
    void unknownProviderIsRejectedWithTheChoices() {
        var e = assertThrows(InvalidConfigurationException.class, () -> ChipSettings.validate(PID, "WIRINGPI", "", null));
        assertTrue(e.getMessage().contains("WIRINGPI") && e.getMessage().contains("GPIOD"), e.getMessage());
    }

    @Test
    void acceptsAProviderWrittenInAnyCase() {
        ChipSettings s = ChipSettings.validate(PID, "gpiod", " Raspberry Pi 4 + Waveshare ", new String[] {"CH1=26"});

        assertEquals(GpioProvider.GPIOD, s.provider());
        assertEquals("Raspberry Pi 4 + Waveshare", s.board());
        assertEquals(26, s.pins().channels().get("CH1"));
    }

    @Test
    void badBoardPinsFailTheChip() {
        var e = assertThrows(InvalidConfigurationException.class,
                () -> ChipSettings.validate(PID, "MOCK", "", new String[] {"CH1=99"}));
        assertEquals("board.pins", e.property());
    }

    @Test
    void mockRelaysAreRefusedOutsideADemo() {
        var e = assertThrows(InvalidConfigurationException.class,
                () -> ChipSettings.validate(PID, "MOCK", "laptop", new String[] {"CH1=26"}, false));
        assertTrue(e.getMessage().contains("switches nothing")
                && e.getMessage().contains("msg.demo=true"), e.getMessage());
        assertEquals(GpioProvider.MOCK,
                ChipSettings.validate(PID, "MOCK", "laptop", new String[] {"CH1=26"}, true).provider());
        assertEquals(GpioProvider.GPIOD,
                ChipSettings.validate(PID, "GPIOD", "pi", new String[] {"CH1=26"}, false).provider());
    }
}
