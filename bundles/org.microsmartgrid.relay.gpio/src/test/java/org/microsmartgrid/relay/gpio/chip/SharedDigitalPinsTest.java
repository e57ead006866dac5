package org.microsmartgrid.relay.gpio.chip;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.gpio.BinaryInput;
import org.microsmartgrid.api.gpio.BinaryOutput;
import org.microsmartgrid.relay.gpio.control.RelayController;
import org.microsmartgrid.relay.gpio.testing.MockChip;

/** Doors and security inputs claim pins through the same claims as the relays. */
class SharedDigitalPinsTest {
    private final MockChip chip = new MockChip();
    private final SharedDigitalPins shared = new SharedDigitalPins(chip.pins);

    @AfterEach
    void close() {
        chip.close();
    }

    @Test
    void aDoorCannotTakeARelaysPinAndTheRelayIsUntouched() {
        RelayController relay = chip.relay(MockChip.settings()); // BCM 26
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> shared.claimOutput("pid-door", "door 'portone'", 26, false));
        assertTrue(e.getMessage().contains("BCM 26 is already used by relay 'r1'"), e.getMessage());
        assertTrue(e.getMessage().contains("door 'portone'"), e.getMessage());
        assertFalse(relay.state().outputOn());
        assertEquals(LOW, chip.level(26));
    }

    @Test
    void aPinIsClaimedOnceAndFreedOnRelease() {
        shared.claimOutput("pid-a", "door 'a'", 17, false);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> shared.claimInput("pid-b", "input 'pir'", 17, false));
        assertTrue(e.getMessage().contains("door 'a'"), e.getMessage());
        shared.release("pid-a");
        shared.claimInput("pid-b", "input 'pir'", 17, false);
    }

    @Test
    void polarityIsApplied() {
        BinaryOutput strike = shared.claimOutput("pid-door", "door", 17, true);
        assertEquals(HIGH, chip.level(17), "active low: inactive is HIGH");
        strike.set(true);
        assertEquals(LOW, chip.level(17));
        assertTrue(strike.active());

        BinaryInput contact = shared.claimInput("pid-door", "door contact", 27, true);
        chip.contact(27, LOW);
        assertTrue(contact.active());
        chip.contact(27, HIGH);
        assertFalse(contact.active());
    }

    @Test
    void afterTheStopLatchOutputsOnlyGoInactive() {
        BinaryOutput strike = shared.claimOutput("pid-door", "door", 17, false);
        chip.pins.stopLatch().close("test stop");
        strike.set(true);
        assertFalse(strike.active());
        assertTrue(shared.stopping());
    }

    @Test
    void aPinOutsideTheHeaderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> shared.claimOutput("pid", "door", 40, false));
        assertThrows(IllegalArgumentException.class, () -> shared.resolve("CH9"));
        assertEquals(5, shared.resolve("5"));
    }
}
