package org.microsmartgrid.relay.gpio.control;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.api.relay.RelayResult.Outcome.APPLIED;
import static org.microsmartgrid.api.relay.RelayResult.Outcome.DEFERRED;
import static org.microsmartgrid.api.relay.RelayResult.Outcome.REJECTED;

import com.pi4j.io.gpio.digital.DigitalOutput;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.relay.RelayState;
import org.microsmartgrid.relay.gpio.testing.MockChip;

class RelayControllerTest {
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final MockChip chip = new MockChip();

    @AfterEach
    void close() {
        chip.close();
    }

    private RelayController startedAndOnAfterMinOff(RelayController relay) {
        chip.clock.advanceSeconds(30); // activation counts as switching OFF
        assertEquals(APPLIED, relay.command(RelayCommand.on("balancer", LEASE)).outcome());
        return relay;
    }

    @Test
    void isOffAtStartAndReportsTheActivation() {
        RelayController relay = chip.relay(MockChip.settings());

        RelayState s = relay.state();
        assertFalse(s.outputOn());
        assertFalse(s.wantedOn());
        assertNull(s.feedbackOn(), "no feedback wired");
        assertNull(s.fault());
        assertNull(s.leaseUntil());
        assertEquals("activation", s.source());
        assertEquals(chip.clock.instant(), s.since());
        assertEquals(LOW, chip.level(26));
        assertEquals("r1", s.relayId());
        assertEquals(3, s.socket());
    }

    @Test
    void forcesTheOutputOffAtStartEvenIfItWasOn() {
        DigitalOutput out = chip.pins.claimOutput("pid", "relay 'r1'", 26, false);
        out.state(HIGH); // what a previous owner left behind

        new RelayController(MockChip.settings(), out, null, chip.clock);

        assertEquals(LOW, chip.level(26));
    }

    @Test
    void switchesOnAndOffAndReadsTheOutputBack() {
        RelayController relay = chip.relay(MockChip.settings());
        chip.clock.advanceSeconds(30);

        RelayResult on = relay.command(RelayCommand.on("balancer", LEASE));
        assertEquals(APPLIED, on.outcome());
        assertTrue(on.state().outputOn());
        assertTrue(on.state().wantedOn());
        assertEquals("balancer", on.state().source());
        assertEquals(chip.clock.instant().plus(LEASE), on.state().leaseUntil());
        assertEquals(HIGH, chip.level(26));

        chip.clock.advanceSeconds(30);
        RelayResult off = relay.command(RelayCommand.off("installer:anna"));
        assertEquals(APPLIED, off.outcome());
        assertFalse(off.state().outputOn());
        assertFalse(off.state().wantedOn());
        assertNull(off.state().leaseUntil());
        assertEquals("installer:anna", off.state().source());
        assertEquals(LOW, chip.level(26));
    }

    @Test
    void outputStateIsReadFromThePinNotFromMemory() {
        RelayController relay = startedAndOnAfterMinOff(chip.relay(MockChip.settings()));

        chip.context.<DigitalOutput>io("bcm26").state(LOW); // someone else writes the pin

        assertFalse(relay.state().outputOn());
    }

    @Test
    void activeLowRelayIsEnergisedByALowPin() {
        RelayController relay = chip.relay(MockChip.activeLow(MockChip.settings()));
        assertEquals(HIGH, chip.level(26), "OFF is HIGH on an active-low board");
        assertFalse(relay.state().outputOn());

        startedAndOnAfterMinOff(relay);
        assertEquals(LOW, chip.level(26));
        assertTrue(relay.state().outputOn());

        chip.clock.advanceSeconds(30);
        relay.command(RelayCommand.off("balancer"));
        assertEquals(HIGH, chip.level(26));
    }

    @Nested
    class AntiChatter {
        @Test
        void onSoonerThanMinOffAfterStartIsDeferred() {
            RelayController relay = chip.relay(MockChip.settings());
            Instant started = chip.clock.instant();
            chip.clock.advanceSeconds(10);

            RelayResult r = relay.command(RelayCommand.on("balancer", LEASE));

            assertEquals(DEFERRED, r.outcome());
            assertEquals(started.plusSeconds(30), r.notBefore());
            assertNotNull(r.reason());
            assertFalse(r.state().outputOn());
            assertEquals(LOW, chip.level(26));
        }

        @Test
        void aDeferredOnIsNotRememberedButAnOnAfterNotBeforeIsApplied() {
            RelayController relay = chip.relay(MockChip.settings());
            RelayResult deferred = relay.command(RelayCommand.on("balancer", LEASE));
            assertEquals(DEFERRED, deferred.outcome());

            chip.clock.advanceSeconds(60);
            relay.tick();
            assertFalse(relay.state().outputOn(), "a deferred ON never switches by itself");

            assertEquals(APPLIED, relay.command(RelayCommand.on("balancer", LEASE)).outcome());
            assertEquals(HIGH, chip.level(26));
        }

        @Test
        void offSoonerThanMinOnIsDeferredThenCarriedOutAtNotBefore() {
            RelayController relay = startedAndOnAfterMinOff(chip.relay(MockChip.settings()));
            Instant switchedOn = chip.clock.instant();
            chip.clock.advanceSeconds(5);

            RelayResult r = relay.command(RelayCommand.off("balancer"));
            assertEquals(DEFERRED, r.outcome());
            assertEquals(switchedOn.plusSeconds(30), r.notBefore());
            assertTrue(r.state().outputOn());
            assertFalse(r.state().wantedOn());

            chip.clock.advanceSeconds(24);
            relay.tick();
            assertEquals(HIGH, chip.level(26), "still inside min on");

            chip.clock.advanceSeconds(1);
            relay.tick();
            assertEquals(LOW, chip.level(26));
            assertEquals(switchedOn.plusSeconds(30), relay.state().since());
        }

        @Test
        void anOnAfterADeferredOffCancelsIt() {
            RelayController relay = startedAndOnAfterMinOff(chip.relay(MockChip.settings()));
            chip.clock.advanceSeconds(5);
            assertEquals(DEFERRED, relay.command(RelayCommand.off("balancer")).outcome());

            assertEquals(APPLIED, relay.command(RelayCommand.on("balancer", LEASE)).outcome());
            chip.clock.advanceSeconds(40);
            relay.tick();

            assertTrue(relay.state().outputOn());
        }

        @Test
        void onSoonerThanMinOffAfterAnOffIsDeferred() {
            RelayController relay = startedAndOnAfterMinOff(chip.relay(MockChip.settings()));
            chip.clock.advanceSeconds(30);
            relay.command(RelayCommand.off("balancer"));
            Instant switchedOff = chip.clock.instant();
            chip.clock.advanceSeconds(29);

            RelayResult r = relay.command(RelayCommand.on("balancer", LEASE));

            assertEquals(DEFERRED, r.outcome());
            assertEquals(switchedOff.plusSeconds(30), r.notBefore());
            assertEquals(LOW, chip.level(26));
        }

        @Test
        void safetyOffIsAppliedAtOnceInsideMinOn() {
            RelayController relay = startedAndOnAfterMinOff(chip.relay(MockChip.settings()));
            chip.clock.advanceSeconds(1);

            RelayResult r = relay.command(RelayCommand.safetyOff("balancer:overload"));

            assertEquals(APPLIED, r.outcome());
            assertFalse(r.state().outputOn());
            assertEquals(LOW, chip.level(26));
        }

        @Test
        void renewingAnOnExtendsTheLeaseWithoutWritingThePin() {
            RelayController relay = startedAndOnAfterMinOff(chip.relay(MockChip.settings()));
            Instant switchedOn = chip.clock.instant();
            AtomicInteger edges = new AtomicInteger();
            chip.context.<DigitalOutput>io("bcm26").addListener(e -> edges.incrementAndGet());
            chip.clock.advanceSeconds(50);

            RelayResult r = relay.command(RelayCommand.on("balancer", LEASE));

            assertEquals(APPLIED, r.outcome());
            assertEquals(chip.clock.instant().plus(LEASE), r.state().leaseUntil());
            assertEquals(switchedOn, r.state().since(), "not switched again");
            assertEquals(0, edges.get());
            chip.clock.advanceSeconds(30); // past the first lease, inside the renewed one
            relay.tick();
            assertTrue(relay.state().outputOn());
        }

        @Test
        void changedMinimumTimesApplyFromNow() {
            RelayController relay = chip.relay(MockChip.settings());
            relay.updateTiming(MockChip.withTiming(MockChip.settings(), Duration.ZERO, Duration.ofSeconds(5)));
            chip.clock.advanceSeconds(5);

            assertEquals(APPLIED, relay.command(RelayCommand.on("balancer", LEASE)).outcome());
            assertEquals(APPLIED, relay.command(RelayCommand.off("balancer")).outcome());
        }
    }

    @Nested
    class Lease {
        @Test
        void anOnThatIsNotRenewedRunsOutAndSwitchesOff() {
            RelayController relay = chip.relay(MockChip.settings());
            chip.clock.advanceSeconds(30);
            relay.command(RelayCommand.on("balancer", Duration.ofSeconds(3)));

            chip.clock.advanceSeconds(2);
            relay.tick();
            assertEquals(HIGH, chip.level(26));

            chip.clock.advanceSeconds(1);
            relay.tick();
            assertEquals(LOW, chip.level(26), "dead-man switch, even inside min on");
            RelayState s = relay.state();
            assertFalse(s.wantedOn());
            assertEquals("lease expired", s.source());
            assertNull(s.leaseUntil());
        }

        @Test
        void anExpiredLeaseIsSeenByTheNextCommandOrReadEvenWithoutATick() {
            RelayController relay = startedAndOnAfterMinOff(chip.relay(MockChip.settings()));
            chip.clock.advanceSeconds(61);

            assertFalse(relay.state().outputOn());
        }

        @Test
        void shutdownSwitchesOffInsideMinOn() {
            RelayController relay = startedAndOnAfterMinOff(chip.relay(MockChip.settings()));

            relay.shutdown();

            assertEquals(LOW, chip.level(26));
            assertEquals("deactivation", relay.state().source());
        }
    }

    @Nested
    class Feedback {
        // auxiliary contact on BCM 5, closed = HIGH
        private RelayController relay() {
            return chip.relay(MockChip.withFeedback(MockChip.settings(), 5, false));
        }

        private void settle() {
            chip.clock.advance(Duration.ofMillis(500));
        }

        @Test
        void agreeingContactIsReportedAndNoFault() {
            RelayController relay = startedAndOnAfterMinOff(relay());
            chip.contact(5, HIGH);
            settle();
            relay.tick();

            RelayState s = relay.state();
            assertEquals(Boolean.TRUE, s.feedbackOn());
            assertTrue(s.closed());
            assertNull(s.fault());
        }

        @Test
        void contactThatDoesNotCloseIsStuckOpenAndTheRelayIsDrivenOff() {
            RelayController relay = startedAndOnAfterMinOff(relay());
            chip.clock.advance(Duration.ofMillis(499));
            relay.tick();
            assertNull(relay.state().fault(), "the contact may take the settle time");

            chip.clock.advance(Duration.ofMillis(1));
            relay.tick();

            RelayState s = relay.state();
            assertTrue(s.fault().startsWith("stuck open"), s.fault());
            assertFalse(s.outputOn());
            assertEquals(LOW, chip.level(26));
        }

        @Test
        void contactThatStaysClosedAfterOffIsStuckClosedAndOnIsRejected() {
            RelayController relay = startedAndOnAfterMinOff(relay());
            chip.contact(5, HIGH);
            settle();
            relay.tick();
            chip.clock.advanceSeconds(30);
            relay.command(RelayCommand.off("balancer"));
            settle();
            relay.tick(); // contact still HIGH: welded

            assertTrue(relay.state().fault().startsWith("stuck closed"), relay.state().fault());
            chip.clock.advanceSeconds(60);
            RelayResult r = relay.command(RelayCommand.on("balancer", LEASE));
            assertEquals(REJECTED, r.outcome());
            assertTrue(r.reason().contains("stuck closed"), r.reason());
            assertEquals(LOW, chip.level(26));
        }

        @Test
        void contactOpeningWithoutACommandIsAFaultAndDrivesTheRelayOff() {
            RelayController relay = startedAndOnAfterMinOff(relay());
            chip.contact(5, HIGH);
            settle();
            relay.tick();
            chip.clock.advanceSeconds(2);

            chip.contact(5, LOW); // the contactor dropped out
            relay.tick();

            RelayState s = relay.state();
            assertEquals("contact opened by itself while ON", s.fault());
            assertFalse(s.outputOn());
            assertEquals(LOW, chip.level(26));
        }

        @Test
        void faultClearsWhenTheContactAgreesWithTheOutputAgain() {
            RelayController relay = startedAndOnAfterMinOff(relay());
            chip.contact(5, HIGH);
            settle();
            relay.tick();
            chip.clock.advanceSeconds(30);
            relay.command(RelayCommand.off("balancer"));
            settle();
            relay.tick();
            assertNotNull(relay.state().fault());

            chip.contact(5, LOW); // the welded contact finally opens
            relay.tick();

            assertNull(relay.state().fault());
            chip.clock.advanceSeconds(30);
            assertEquals(APPLIED, relay.command(RelayCommand.on("balancer", LEASE)).outcome());
        }

        @Test
        void activeLowContactIsClosedWhenLow() {
            RelayController relay = chip.relay(MockChip.withFeedback(MockChip.settings(), 5, true));
            chip.contact(5, HIGH); // open (the pull-up the mock does not simulate)
            startedAndOnAfterMinOff(relay);
            chip.contact(5, LOW);
            settle();
            relay.tick();

            assertEquals(Boolean.TRUE, relay.state().feedbackOn());
            assertNull(relay.state().fault());
        }
    }
}
