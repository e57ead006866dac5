package org.microsmartgrid.relay.gpio.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelaySettingsTest {
    private static final String PID = "org.microsmartgrid.relay.gpio.GpioRelay.socket3";
    private static final BoardPins WAVESHARE = BoardPins.parse(PID, "board.pins", new String[] {"CH1=26", "CH2=20", "CH3=21"});

    private static RelaySettings.Raw raw(String id, int socket, String pin, String feedback, long minOn, long minOff, long settle) {
        return new RelaySettings.Raw(id, socket, pin, true, feedback, false, minOn, minOff, settle);
    }

    private static RelaySettings.Raw valid() {
        return raw("socket-3", 3, "CH1", "", 30000, 30000, 500);
    }

    private static InvalidConfigurationException invalid(RelaySettings.Raw raw, Set<String> inUse) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> RelaySettings.validate(PID, raw, WAVESHARE, inUse));
        assertTrue(e.getMessage().contains(PID), "names the configuration: " + e.getMessage());
        return e;
    }

    @Test
    void validConfigurationResolvesTheChannel() {
        RelaySettings s = RelaySettings.validate(PID, valid(), WAVESHARE, Set.of("socket-1"));

        assertEquals("socket-3", s.relayId());
        assertEquals(3, s.socket());
        assertEquals(26, s.pin());
        assertTrue(s.activeLow());
        assertNull(s.feedbackPin());
        assertEquals(Duration.ofSeconds(30), s.minOn());
        assertEquals(Duration.ofSeconds(30), s.minOff());
        assertEquals(Duration.ofMillis(500), s.feedbackSettle());
    }

    @Test
    void feedbackPinByNumberOrChannel() {
        assertEquals(5, RelaySettings.validate(PID, raw("r", 1, "CH1", "5", 0, 0, 0), WAVESHARE, Set.of()).feedbackPin());
        assertEquals(21, RelaySettings.validate(PID, raw("r", 1, "CH1", "CH3", 0, 0, 0), WAVESHARE, Set.of()).feedbackPin());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65, 1000})
    void socketOutOfRange(int socket) {
        assertEquals("socket", invalid(raw("r", socket, "CH1", "", 0, 0, 0), Set.of()).property());
    }

    @Test
    void socketBoundsAreAccepted() {
        assertEquals(1, RelaySettings.validate(PID, raw("r", 1, "26", "", 0, 0, 0), WAVESHARE, Set.of()).socket());
        assertEquals(64, RelaySettings.validate(PID, raw("r", 64, "26", "", 0, 0, 0), WAVESHARE, Set.of()).socket());
    }

    @Test
    void unknownBoardChannel() {
        var e = invalid(raw("r", 1, "CH4", "", 0, 0, 0), Set.of());
        assertEquals("pin", e.property());
        assertTrue(e.getMessage().contains("CH4"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"28", "-3", "", "GPIO26"})
    void badPin(String pin) {
        assertEquals("pin", invalid(raw("r", 1, pin, "", 0, 0, 0), Set.of()).property());
    }

    @Test
    void badFeedbackPinAndFeedbackOnTheOutputPin() {
        assertEquals("feedback.pin", invalid(raw("r", 1, "CH1", "30", 0, 0, 0), Set.of()).property());
        var e = invalid(raw("r", 1, "CH1", "26", 0, 0, 0), Set.of());
        assertEquals("feedback.pin", e.property());
        assertTrue(e.getMessage().contains("BCM 26"), e.getMessage());
    }

    @Test
    void duplicateRelayId() {
        var e = invalid(valid(), Set.of("socket-3"));
        assertEquals("relay.id", e.property());
        assertTrue(e.getMessage().contains("'socket-3'"), e.getMessage());
    }

    @Test
    void missingRelayId() {
        assertEquals("relay.id", invalid(raw(" ", 1, "CH1", "", 0, 0, 0), Set.of()).property());
        assertEquals("relay.id", invalid(raw(null, 1, "CH1", "", 0, 0, 0), Set.of()).property());
    }

    @Test
    void negativeTimes() {
        assertEquals("min.on.ms", invalid(raw("r", 1, "CH1", "", -1, 0, 0), Set.of()).property());
        assertEquals("min.off.ms", invalid(raw("r", 1, "CH1", "", 0, -1, 0), Set.of()).property());
        assertEquals("feedback.settle.ms", invalid(raw("r", 1, "CH1", "", 0, 0, -1), Set.of()).property());
    }

    @Test
    void onlyTimingChangesKeepTheHardware() {
        RelaySettings a = RelaySettings.validate(PID, valid(), WAVESHARE, Set.of());
        RelaySettings timing = RelaySettings.validate(PID, raw("socket-3", 3, "26", "", 1, 2, 3), WAVESHARE, Set.of());
        RelaySettings pin = RelaySettings.validate(PID, raw("socket-3", 3, "CH2", "", 30000, 30000, 500), WAVESHARE, Set.of());

        assertTrue(a.sameHardware(timing), "CH1 and 26 are the same pin");
        assertFalse(a.sameHardware(pin));
    }
}
