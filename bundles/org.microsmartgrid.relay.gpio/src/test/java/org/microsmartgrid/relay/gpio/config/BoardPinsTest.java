package org.microsmartgrid.relay.gpio.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoardPinsTest {
    private static final String PID = "org.microsmartgrid.relay.gpio.GpioChip";

    private static BoardPins parse(String... entries) {
        return BoardPins.parse(PID, "board.pins", entries);
    }

    @Test
    void parsesTheWaveshareRelayBoard() {
        BoardPins pins = parse("CH1=26", " CH2 = 20 ", "CH3=21");

        assertEquals(Map.of("CH1", 26, "CH2", 20, "CH3", 21), pins.channels());
        assertEquals(List.of("CH1", "CH2", "CH3"), List.copyOf(pins.channels().keySet()), "keeps the configured order");
    }

    @Test
    void noMapAndBlankEntriesMeanNoChannels() {
        assertTrue(BoardPins.parse(PID, "board.pins", null).channels().isEmpty());
        assertTrue(parse("", "  ").channels().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CH1", "CH1=", "=26", "CH1=28", "CH1=-1", "CH1=GPIO26", "7=26"})
    void rejectsMalformedEntriesNamingPidPropertyAndEntry(String entry) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> parse(entry));

        assertEquals("board.pins", e.property());
        assertTrue(e.getMessage().contains(PID), e.getMessage());
        assertTrue(e.getMessage().contains(entry.trim()), e.getMessage());
    }

    @Test
    void rejectsAChannelListedTwice() {
        var e = assertThrows(InvalidConfigurationException.class, () -> parse("CH1=26", "CH1=20"));
        assertTrue(e.getMessage().contains("'CH1' is listed twice"), e.getMessage());
    }

    @Test
    void rejectsTwoChannelsOnOnePin() {
        var e = assertThrows(InvalidConfigurationException.class, () -> parse("CH1=26", "CH2=26"));
        assertTrue(e.getMessage().contains("'CH1' and 'CH2'"), e.getMessage());
    }

    @Test
    void resolvesChannelNamesAndBcmNumbers() {
        BoardPins pins = parse("CH1=26", "CH2=20");

        assertEquals(26, pins.resolve(PID, "pin", "CH1"));
        assertEquals(20, pins.resolve(PID, "pin", " CH2 "));
        assertEquals(17, pins.resolve(PID, "pin", "17"));
        assertEquals(0, pins.resolve(PID, "pin", "0"));
        assertEquals(27, pins.resolve(PID, "pin", "27"));
    }

    @Test
    void unknownChannelListsTheKnownOnes() {
        var e = assertThrows(InvalidConfigurationException.class,
                () -> parse("CH1=26", "CH2=20").resolve(PID, "pin", "CH9"));

        assertEquals("pin", e.property());
        assertTrue(e.getMessage().contains("'CH9'") && e.getMessage().contains("CH1, CH2"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"28", "40", "-1", "", " "})
    void rejectsPinsOffTheHeader(String pin) {
        var e = assertThrows(InvalidConfigurationException.class, () -> BoardPins.NONE.resolve(PID, "pin", pin));
        assertEquals("pin", e.property());
    }
}
