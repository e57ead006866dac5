package org.microsmartgrid.building.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.DoorState;
import org.microsmartgrid.building.access.keypad.KeyFrames;
import org.microsmartgrid.building.access.keypad.WiegandFrame;
import org.microsmartgrid.relay.gpio.chip.Pi4jGpioPins;
import org.microsmartgrid.relay.gpio.chip.Pi4jProviders;
import org.microsmartgrid.relay.gpio.chip.SharedDigitalPins;
import org.microsmartgrid.relay.gpio.config.BoardPins;
import org.microsmartgrid.relay.gpio.config.ChipSettings;
import org.microsmartgrid.relay.gpio.config.GpioProvider;

/** The Keypad component on the production pin service over Pi4J's mock chip: edges on D0/D1 in, redeem calls out. */
class KeypadOnMockChipTest {
    static final int D0 = 23;
    static final int D1 = 24;

    final Context context = Pi4jProviders.newContext(GpioProvider.MOCK);
    final Pi4jGpioPins chip = new Pi4jGpioPins(new ChipSettings(GpioProvider.MOCK, "test", BoardPins.NONE), context);
    final SharedDigitalPins pins = new SharedDigitalPins(chip);
    final TestBuilding building = new TestBuilding();
    final RecordingAccess access = new RecordingAccess();
    final Keypad keypad = new Keypad(pins, building.hub, access);

    record Attempt(String door, String code, String via) {
    }

    static final class RecordingAccess implements DoorAccess {
        final BlockingQueue<Attempt> attempts = new LinkedBlockingQueue<>();

        @Override
        public List<DoorState> doors() {
            return List.of();
        }

        @Override
        public IssuedCode issue(String door, CodeKind kind, Instant from, Instant until, String reason, String by) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AccessResult redeem(String door, String code, String via) {
            attempts.add(new Attempt(door, code, via));
            return new AccessResult("GRANTED", true, "Porta aperta / door open");
        }

        Attempt next() throws InterruptedException {
            Attempt a = attempts.poll(10, TimeUnit.SECONDS);
            assertTrue(a != null, "nothing tried at the door");
            return a;
        }
    }

    @AfterEach
    void close() {
        keypad.deactivate();
        chip.close();
        context.shutdown();
    }

    @Test
    void aCodeTypedOnTheLinesIsTriedAtTheKeypadsDoor() throws Exception {
        keypad.activate(config("portone", "23", "24", 10), null);
        idle();
        type("12345678", false);
        type("#", true);
        assertEquals(new Attempt("portone", "12345678", "keypad"), access.next());
    }

    @Test
    void starClearsAndAPauseLongerThanTheTimeoutClears() throws Exception {
        keypad.activate(config("portone", "23", "24", 1), null);
        idle();
        type("999*42#", true);
        assertEquals(new Attempt("portone", "42", "keypad"), access.next(), "'*' cleared 999");

        type("77", false);
        Thread.sleep(1_300); // longer than the 1 s entry timeout
        type("5#", false);
        assertEquals(new Attempt("portone", "5", "keypad"), access.next(), "the pause cleared 77");
        assertTrue(access.attempts.isEmpty());
    }

    @Test
    void aCardsFrameIsIgnoredAndTheNextKeysStillWork() throws Exception {
        keypad.activate(config("portone", "23", "24", 10), null);
        idle();
        frame(WiegandFrame.of("10000000110000000000000011"));
        Thread.sleep(40);
        type("31#", false);
        assertEquals(new Attempt("portone", "31", "keypad"), access.next());
    }

    @Test
    void aLiveChangeOfDoorAppliesAndAnUnknownDoorIsRefused() throws Exception {
        keypad.activate(config("portone", "23", "24", 10), null);
        keypad.modified(config("locker-1", "23", "24", 10));
        idle();
        type("8#", false);
        assertEquals(new Attempt("locker-1", "8", "keypad"), access.next());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> keypad.modified(config("cantina", "23", "24", 10)));
        assertTrue(e.getMessage().contains("'door.id'") && e.getMessage().contains("cantina"), e.getMessage());
        type("9#", false);
        assertEquals(new Attempt("locker-1", "9", "keypad"), access.next(), "the previous configuration stays");
    }

    @Test
    void aPinHeldByAnotherOwnerIsRefusedAndChangesNothing() throws Exception {
        pins.claimOutput("pid-door", "door 'portone'", 17, false);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> keypad.activate(config("portone", "23", "17", 10), null));
        assertTrue(e.getMessage().contains("BCM 17") && e.getMessage().contains("door 'portone'"), e.getMessage());
        // D0 was given back: another keypad can have it
        keypad.activate(config("portone", "23", "24", 10), null);
        IllegalStateException moved = assertThrows(IllegalStateException.class,
                () -> keypad.modified(config("portone", "17", "24", 10)));
        assertTrue(moved.getMessage().contains("BCM 17"), moved.getMessage());
        idle();
        type("6#", false);
        assertEquals(new Attempt("portone", "6", "keypad"), access.next(), "still on its old pins");
    }

    /** Wiegand lines idle HIGH (the mock starts LOW, which is no edge the keypad counts). */
    private void idle() {
        line(D0).mockState(DigitalState.HIGH);
        line(D1).mockState(DigitalState.HIGH);
    }

    private void type(String keys, boolean eightBit) throws InterruptedException {
        for (char c : keys.toCharArray()) {
            int key = c == '#' ? KeyFrames.HASH : c == '*' ? KeyFrames.STAR : c - '0';
            frame(eightBit ? KeyFrames.eightBit(key) : KeyFrames.fourBit(key));
            Thread.sleep(40); // more than the 25 ms gap: the next key is a frame of its own
        }
    }

    /** A frame's bits as a keypad sends them: a LOW pulse on D0 for a 0, on D1 for a 1. */
    private void frame(WiegandFrame f) {
        for (int i = f.length() - 1; i >= 0; i--) {
            MockDigitalInput line = line(((f.bits() >> i) & 1) == 1 ? D1 : D0);
            line.mockState(DigitalState.LOW);
            line.mockState(DigitalState.HIGH);
        }
    }

    private MockDigitalInput line(int bcm) {
        return context.io("bcm" + bcm);
    }

    static KeypadConfig config(String door, String d0, String d1, int timeoutSeconds) {
        return new KeypadConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return KeypadConfig.class;
            }

            @Override
            public String door_id() {
                return door;
            }

            @Override
            public String d0_pin() {
                return d0;
            }

            @Override
            public String d1_pin() {
                return d1;
            }

            @Override
            public int frame_gap_ms() {
                return 25;
            }

            @Override
            public int entry_timeout_seconds() {
                return timeoutSeconds;
            }
        };
    }
}
