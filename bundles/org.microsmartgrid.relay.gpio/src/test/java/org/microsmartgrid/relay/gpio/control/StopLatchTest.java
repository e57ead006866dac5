package org.microsmartgrid.relay.gpio.control;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.api.relay.RelayResult.Outcome.APPLIED;
import static org.microsmartgrid.api.relay.RelayResult.Outcome.REJECTED;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.relay.gpio.config.RelaySettings;
import org.microsmartgrid.relay.gpio.testing.MockChip;
import org.microsmartgrid.testing.Waits;

/** When the module begins to stop, every socket loses power at once and none gets it back (issue 19, CI's StopIT). */
class StopLatchTest {
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final MockChip chip = new MockChip();

    @AfterEach
    void close() {
        chip.close();
    }

    @Test
    void stoppingSwitchesARelayOffInsideItsMinimumOnTimeAndRefusesOnAfterwards() {
        RelayController relay = chip.relay(MockChip.settings()); // min on 30 s
        chip.clock.advanceSeconds(30);
        assertEquals(APPLIED, relay.command(RelayCommand.on("balancer", LEASE)).outcome());
        assertEquals(HIGH, chip.level(26));

        chip.pins.stopLatch().close("Module stopping");

        assertEquals(LOW, chip.level(26), "OFF at once, though its minimum on-time has not passed");
        assertEquals("module stopping", relay.state().source());
        chip.clock.advanceSeconds(120);
        RelayResult again = relay.command(RelayCommand.on("balancer", LEASE));
        assertEquals(REJECTED, again.outcome());
        assertTrue(again.reason().contains("Module stopping"), again.reason());
        assertEquals(LOW, chip.level(26));
        assertEquals(REJECTED, relay.command(RelayCommand.on("installer:anna", LEASE)).outcome(), "nor by hand");
    }

    @Test
    void aRelayThatStartsWhileStoppingIsOffAndStaysOff() {
        chip.pins.stopLatch().close("Module stopping");
        RelayController relay = chip.relay(MockChip.settings());
        chip.clock.advanceSeconds(30);
        assertEquals(REJECTED, relay.command(RelayCommand.on("balancer", LEASE)).outcome());
        assertEquals(LOW, chip.level(26));
    }

    /** The balancer keeps asking for ON from its own thread while the framework announces the stop. */
    @Test
    void anOnRacingTheStopNeverLeavesASocketPowered() throws Exception {
        List<RelayController> relays = new ArrayList<>();
        for (int i = 0; i < 4; i++)
            relays.add(chip.relay(new RelaySettings("r" + i, i + 1, 20 + i, false, null, false, Duration.ZERO,
                    Duration.ZERO, Duration.ofMillis(500))));
        AtomicBoolean run = new AtomicBoolean(true);
        List<AtomicInteger> rounds = new ArrayList<>(); // ON, OFF, ON rounds each balancer has finished
        List<Thread> balancers = new ArrayList<>();
        for (RelayController r : relays) {
            AtomicInteger done = new AtomicInteger();
            rounds.add(done);
            Thread t = new Thread(() -> {
                while (run.get()) {
                    r.command(RelayCommand.on("balancer", LEASE));
                    r.command(RelayCommand.off("balancer"));
                    r.command(RelayCommand.on("balancer", LEASE));
                    done.incrementAndGet();
                }
            });
            t.start();
            balancers.add(t);
        }
        Waits.until("every balancer asking", () -> rounds.stream().allMatch(n -> n.get() >= 2));

        chip.pins.stopLatch().close("Module stopping");
        for (int i = 0; i < 4; i++) assertEquals(LOW, chip.level(20 + i), "relay r" + i + " OFF when close() returns");

        // the balancers go on asking: each finishes whole rounds that began after close() returned
        int[] atStop = rounds.stream().mapToInt(AtomicInteger::get).toArray();
        Waits.until("two more rounds of every balancer after the stop",
                () -> java.util.stream.IntStream.range(0, atStop.length).allMatch(i -> rounds.get(i).get() >= atStop[i] + 2));
        run.set(false);
        for (Thread t : balancers) t.join(5000);
        for (int i = 0; i < 4; i++) assertEquals(LOW, chip.level(20 + i), "relay r" + i + " never ON again");
    }
}
