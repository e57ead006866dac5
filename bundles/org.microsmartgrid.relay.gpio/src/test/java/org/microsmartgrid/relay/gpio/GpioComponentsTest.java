package org.microsmartgrid.relay.gpio;

import org.microsmartgrid.testing.ManualClock;
import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.api.relay.RelayResult.Outcome.APPLIED;
import static org.microsmartgrid.api.relay.RelayResult.Outcome.DEFERRED;
import static org.microsmartgrid.api.relay.RelayResult.Outcome.REJECTED;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.relay.gpio.chip.PinClaimedException;
import org.microsmartgrid.relay.gpio.config.InvalidConfigurationException;
import org.microsmartgrid.testing.Waits;

/** The components as Declarative Services would drive them, on Pi4J's mock provider, without a framework. */
class GpioComponentsTest {
    private final ManualClock clock = ManualClock.at("2026-03-02T08:00:00Z");
    private final GpioChip chip = new GpioChip();
    private final List<GpioRelay> active = new ArrayList<>();
    private int configurations;

    @BeforeEach
    void startChip() {
        chip.activate(null, ChipConfig.mockWaveshare());
    }

    @AfterEach
    void stopAll() {
        active.forEach(GpioRelay::deactivate);
        chip.deactivate();
    }

    private GpioRelay relay(RelayConfig config) {
        GpioRelay relay = new GpioRelay(chip.pins(), clock);
        // each factory configuration has its own pid
        relay.activate(null, config, Map.of("service.pid", GpioRelay.PID + "~config" + (++configurations)));
        active.add(relay);
        return relay;
    }

    private DigitalState level(int bcm) {
        return chip.context().<DigitalOutput>io("bcm" + bcm).state();
    }

    @Test
    void relayOnABoardChannelDrivesThatChannelsPin() {
        GpioRelay relay = relay(RelayConfig.of("socket-2", 2, "CH2").activeLow());

        assertEquals("socket-2", relay.id());
        assertEquals(2, relay.socket());
        assertEquals(HIGH, level(20), "CH2 is BCM 20; OFF is HIGH on the active-low Waveshare board");
        clock.advanceSeconds(30);
        assertEquals(APPLIED, relay.command(RelayCommand.on("installer:anna", Duration.ofMinutes(5))).outcome());
        assertEquals(LOW, level(20));
        assertTrue(relay.state().outputOn());
    }

    @Test
    void pinClaimedByTwoRelaysFailsTheSecondNamingBoth() {
        relay(RelayConfig.of("socket-1", 1, "CH1"));

        var e = assertThrows(PinClaimedException.class, () -> relay(RelayConfig.of("socket-2", 2, "26")));

        assertTrue(e.getMessage().contains("relay 'socket-1' (output)"), e.getMessage());
        assertTrue(e.getMessage().contains("relay 'socket-2' (output)"), e.getMessage());
        assertTrue(e.getMessage().contains("BCM 26"), e.getMessage());
    }

    @Test
    void pinUsedAsOutputCannotBeAnotherRelaysFeedback() {
        relay(RelayConfig.of("socket-1", 1, "CH1"));

        var e = assertThrows(PinClaimedException.class, () -> relay(RelayConfig.of("socket-2", 2, "CH2").feedback("CH1")));

        assertTrue(e.getMessage().contains("relay 'socket-1' (output)"), e.getMessage());
        assertTrue(e.getMessage().contains("relay 'socket-2' (feedback input)"), e.getMessage());
    }

    @Test
    void aFailedActivationLeavesNoPinBehind() {
        relay(RelayConfig.of("socket-1", 1, "CH1"));
        assertThrows(PinClaimedException.class, () -> relay(RelayConfig.of("socket-2", 2, "CH2").feedback("CH1")));

        // CH2 was claimed as output before the feedback pin failed; it must be free again
        GpioRelay again = relay(RelayConfig.of("socket-3", 3, "CH2"));
        assertFalse(again.state().outputOn());
    }

    @Test
    void duplicateRelayIdIsRefused() {
        relay(RelayConfig.of("socket-1", 1, "CH1"));

        var e = assertThrows(InvalidConfigurationException.class, () -> relay(RelayConfig.of("socket-1", 2, "CH2")));

        assertEquals("relay.id", e.property());
    }

    @Test
    void badConfigurationFailsActivation() {
        assertEquals("socket", assertThrows(InvalidConfigurationException.class,
                () -> relay(RelayConfig.of("r", 65, "CH1"))).property());
        assertEquals("pin", assertThrows(InvalidConfigurationException.class,
                () -> relay(RelayConfig.of("r", 1, "CH7"))).property());
        assertEquals("min.on.ms", assertThrows(InvalidConfigurationException.class,
                () -> relay(RelayConfig.of("r", 1, "CH1").timing(-1, 0))).property());
    }

    @Test
    void chipWithoutProviderDoesNotStart() {
        GpioChip other = new GpioChip();
        var e = assertThrows(InvalidConfigurationException.class, () -> other.activate(null, new ChipConfig(null, "", null)));
        assertEquals("provider", e.property());
    }

    @Test
    void theWatchdogSwitchesOffWhenTheLeaseRunsOut() throws InterruptedException {
        GpioRelay relay = relay(RelayConfig.of("socket-1", 1, "CH1"));
        clock.advanceSeconds(30);
        relay.command(RelayCommand.on("balancer", Duration.ofSeconds(3)));
        assertEquals(HIGH, level(26));

        clock.advanceSeconds(4); // nobody renews; only the periodic check can notice
        Waits.until("the watchdog switches the relay off", () -> level(26), l -> l == LOW);
    }

    @Test
    void deactivationSwitchesOffAndFreesThePin() {
        GpioRelay relay = relay(RelayConfig.of("socket-1", 1, "CH1"));
        clock.advanceSeconds(30);
        relay.command(RelayCommand.on("balancer", Duration.ofMinutes(1)));

        relay.deactivate();
        active.remove(relay);

        assertFalse(chip.context().hasIO("bcm26"), "pin released");
        GpioRelay successor = relay(RelayConfig.of("socket-1", 1, "CH1"));
        assertEquals(LOW, level(26));
        assertFalse(successor.state().outputOn());
    }

    @Test
    void modifiedTimingAppliesLiveWithoutSwitching() {
        GpioRelay relay = relay(RelayConfig.of("socket-1", 1, "CH1"));
        clock.advanceSeconds(30);
        relay.command(RelayCommand.on("balancer", Duration.ofMinutes(1)));

        relay.modified(RelayConfig.of("socket-1", 1, "26").timing(0, 0));

        assertTrue(relay.state().outputOn(), "still ON");
        assertEquals(APPLIED, relay.command(RelayCommand.off("balancer")).outcome(), "min on is now 0");
    }

    @Test
    void modifiedPinMovesTheRelayAndStartsOff() {
        GpioRelay relay = relay(RelayConfig.of("socket-1", 1, "CH1"));
        clock.advanceSeconds(30);
        relay.command(RelayCommand.on("balancer", Duration.ofMinutes(1)));

        relay.modified(RelayConfig.of("socket-1", 1, "CH3"));

        assertFalse(chip.context().hasIO("bcm26"));
        assertEquals(LOW, level(21));
        assertFalse(relay.state().outputOn());
        assertEquals(DEFERRED, relay.command(RelayCommand.on("balancer", Duration.ofMinutes(1))).outcome(),
                "a restart counts as switching OFF");
    }

    @Test
    void refusedModificationKeepsTheRunningRelay() {
        GpioRelay relay = relay(RelayConfig.of("socket-1", 1, "CH1"));
        clock.advanceSeconds(30);
        relay.command(RelayCommand.on("balancer", Duration.ofMinutes(1)));

        assertThrows(InvalidConfigurationException.class, () -> relay.modified(RelayConfig.of("socket-1", 99, "CH1")));

        assertTrue(relay.state().outputOn());
        assertEquals(1, relay.socket());
    }

    @Test
    void feedbackFaultThroughTheComponent() {
        GpioRelay relay = relay(RelayConfig.of("socket-1", 1, "CH1").feedback("5"));
        clock.advanceSeconds(30);
        relay.command(RelayCommand.on("balancer", Duration.ofMinutes(1)));
        clock.advance(Duration.ofMillis(600)); // contact never closed (mock input stays LOW)

        assertTrue(relay.state().fault().startsWith("stuck open"), relay.state().fault());
        assertEquals(LOW, level(26));
        assertEquals(REJECTED,
                relay.command(RelayCommand.on("balancer", Duration.ofMinutes(1))).outcome());

        clock.advance(Duration.ofMillis(500)); // settle time after the forced OFF
        assertNull(relay.state().fault(), "output OFF and contact open agree again");
    }

    @Test
    void chipShutdownLeavesEveryOutputOffEvenIfItsRelayNeverStopped() {
        GpioRelay relay = relay(RelayConfig.of("socket-1", 1, "CH1").activeLow());
        clock.advanceSeconds(30);
        relay.command(RelayCommand.on("balancer", Duration.ofMinutes(1)));
        DigitalOutput out = chip.context().io("bcm26");
        assertEquals(LOW, out.state());

        active.remove(relay); // the chip goes away under it
        chip.deactivate();

        assertEquals(HIGH, out.state(), "the active-low relay is de-energised");
        assertTrue(chip.context().isShutdown());
        chip.activate(null, ChipConfig.mockWaveshare()); // for @AfterEach
    }
}
