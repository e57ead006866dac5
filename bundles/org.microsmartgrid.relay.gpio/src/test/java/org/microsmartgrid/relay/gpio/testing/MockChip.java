package org.microsmartgrid.relay.gpio.testing;

import org.microsmartgrid.testing.ManualClock;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Duration;
import org.microsmartgrid.relay.gpio.chip.Pi4jGpioPins;
import org.microsmartgrid.relay.gpio.chip.Pi4jProviders;
import org.microsmartgrid.relay.gpio.config.BoardPins;
import org.microsmartgrid.relay.gpio.config.ChipSettings;
import org.microsmartgrid.relay.gpio.config.GpioProvider;
import org.microsmartgrid.relay.gpio.config.RelaySettings;
import org.microsmartgrid.relay.gpio.control.RelayController;

/** A real Pi4J context on the mock provider, through the production pin service, and a hand-moved clock. */
public final class MockChip implements AutoCloseable {
    public final ManualClock clock = ManualClock.at("2026-03-02T08:00:00Z");
    public final Context context = Pi4jProviders.newContext(GpioProvider.MOCK);
    public final Pi4jGpioPins pins = new Pi4jGpioPins(new ChipSettings(GpioProvider.MOCK, "test", BoardPins.NONE), context);

    /** Relay r1 on socket 3, BCM 26, active-high, no feedback, min on 30 s, min off 30 s, settle 500 ms. */
    public static RelaySettings settings() {
        return new RelaySettings("r1", 3, 26, false, null, false, Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofMillis(500));
    }

    public static RelaySettings withFeedback(RelaySettings s, int bcm, boolean activeLow) {
        return new RelaySettings(s.relayId(), s.socket(), s.pin(), s.activeLow(), bcm, activeLow, s.minOn(), s.minOff(),
                s.feedbackSettle());
    }

    public static RelaySettings withTiming(RelaySettings s, Duration minOn, Duration minOff) {
        return new RelaySettings(s.relayId(), s.socket(), s.pin(), s.activeLow(), s.feedbackPin(), s.feedbackActiveLow(),
                minOn, minOff, s.feedbackSettle());
    }

    public static RelaySettings activeLow(RelaySettings s) {
        return new RelaySettings(s.relayId(), s.socket(), s.pin(), true, s.feedbackPin(), s.feedbackActiveLow(),
                s.minOn(), s.minOff(), s.feedbackSettle());
    }

    public RelayController relay(RelaySettings s) {
        String owner = "pid-" + s.relayId();
        DigitalOutput out = pins.claimOutput(owner, "relay '" + s.relayId() + "'", s.pin(), s.activeLow());
        DigitalInput in = s.feedbackPin() == null ? null
                : pins.claimInput(owner, "relay '" + s.relayId() + "'", s.feedbackPin(), s.feedbackActiveLow());
        // wired as GpioRelay wires it: the chip's stop latch refuses ON and switches it OFF when the module stops
        RelayController relay = new RelayController(s, out, in, clock, pins.stopLatch()::reason);
        pins.stopLatch().register(owner, () -> relay.shutdown("module stopping"));
        return relay;
    }

    /** The physical level of a pin, as the relay board sees it. */
    public DigitalState level(int bcm) {
        return context.<DigitalOutput>io("bcm" + bcm).state();
    }

    /** Sets what the (mock) auxiliary contact input reads. */
    public void contact(int bcm, DigitalState level) {
        context.<MockDigitalInput>io("bcm" + bcm).mockState(level);
    }

    @Override
    public void close() {
        pins.close();
        context.shutdown();
    }
}
