package org.microsmartgrid.simulator;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.microsmartgrid.api.gpio.DigitalPins;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo building's doors, sensors and keypad: a configuration file the demo (or a test) rewrites says which mock
 * inputs read HIGH (and, once removed from the list, LOW again), and which code is typed on which door's keypad (as
 * Wiegand pulses on the mock D0/D1 inputs of the Keypad configured for that door). Bound only to the MOCK chip's Pi4J
 * context, so it can never drive a real pin. Levels are re-applied every 200 ms: an input configured after this file still gets
 * its level.
 */
@Component(name = SimulatedInputs.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
@Designate(ocd = SimulatedInputsConfig.class)
public class SimulatedInputs {
    public static final String PID = "org.microsmartgrid.simulator.SimulatedInputs";
    /** The keypad component's name (bundle org.microsmartgrid.building.access): its service carries its config. */
    static final String KEYPAD = "org.microsmartgrid.building.access.Keypad";
    private static final Logger log = LoggerFactory.getLogger(SimulatedInputs.class);

    @Reference(target = "(gpio.provider=MOCK)")
    private Context mockChip;

    /** The same chip's pin names (a keypad's pins may be board channels). */
    @Reference(target = "(gpio.provider=MOCK)")
    private DigitalPins mockPins;

    private BundleContext bundleContext;

    private volatile Set<Integer> high = Set.of();
    private String lastKeypad = "";
    private ScheduledExecutorService timer;

    @Activate
    void activate(BundleContext context, SimulatedInputsConfig config) {
        bundleContext = context;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msg-sim-inputs");
            t.setDaemon(true);
            return t;
        });
        apply(config);
        timer.scheduleWithFixedDelay(this::levels, 0, 200, TimeUnit.MILLISECONDS);
    }

    @Modified
    void modified(SimulatedInputsConfig config) {
        apply(config);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private synchronized void apply(SimulatedInputsConfig c) {
        int[] pins = c.high_pins() == null ? new int[0] : c.high_pins();
        high = Arrays.stream(pins).boxed().collect(Collectors.toUnmodifiableSet());
        log.info("simulated inputs HIGH: {}", high);
        String keypad = c.keypad() == null ? "" : c.keypad().strip();
        if (!keypad.isEmpty() && !keypad.equals(lastKeypad)) timer.execute(() -> type(keypad));
        lastKeypad = keypad;
    }

    /**
     * Types {@code door:code} and '#' on the keypad wired to that door, as its Wiegand lines would carry it: for each
     * key an 8-bit frame (complement, key), each bit a LOW pulse on D0 (0) or D1 (1) of the mock chip, keys a frame
     * gap apart. The keypad component (org.microsmartgrid.building.access.Keypad) reads them like a real keypad's.
     */
    private void type(String entry) {
        int colon = entry.indexOf(':');
        String door = colon < 1 ? "" : entry.substring(0, colon).strip();
        String code = colon < 1 ? "" : entry.substring(colon + 1).strip();
        if (!door.matches("[a-z0-9][a-z0-9-]{0,31}") || !code.matches("[0-9]{1,16}")) {
            log.warn("simulated keypad: '{}' not typed: write door:digits (1-16 digits)", door.isEmpty() ? "?" : door);
            return;
        }
        ServiceReference<?> keypad = keypadOf(door);
        if (keypad == null) {
            log.warn("simulated keypad: no keypad runs for door {} (a Keypad configuration with door.id=\"{}\")",
                    door, door);
            return;
        }
        try {
            MockDigitalInput d0 = line(keypad.getProperty("d0.pin"));
            MockDigitalInput d1 = line(keypad.getProperty("d1.pin"));
            Object g = keypad.getProperty("frame.gap.ms");
            long pause = (g instanceof Number n ? n.longValue() : 25) + 15; // more than the keypad's frame gap
            d0.mockState(DigitalState.HIGH); // idle (a rising edge is no bit)
            d1.mockState(DigitalState.HIGH);
            Thread.sleep(pause);
            for (char c : (code + "#").toCharArray()) {
                int key = c == '#' ? 11 : c - '0';
                int frame = ((~key & 0xF) << 4) | key;
                for (int bit = 7; bit >= 0; bit--) {
                    MockDigitalInput line = ((frame >> bit) & 1) == 1 ? d1 : d0;
                    line.mockState(DigitalState.LOW);
                    line.mockState(DigitalState.HIGH);
                }
                Thread.sleep(pause);
            }
            log.info("simulated keypad at {}: {} digits and '#' typed", door, code.length());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("simulated keypad at {}: {}", door, e.toString());
        }
    }

    private ServiceReference<?> keypadOf(String door) {
        try {
            ServiceReference<?>[] refs = bundleContext.getServiceReferences((String) null,
                    "(&(component.name=" + KEYPAD + ")(door.id=" + door + "))");
            return refs == null || refs.length == 0 ? null : refs[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mock input of a keypad line, its pin as the keypad's configuration gives it (BCM or board channel). */
    private MockDigitalInput line(Object pin) {
        int bcm = mockPins.resolve(String.valueOf(pin));
        if (!(mockChip.registry().get("bcm" + bcm) instanceof MockDigitalInput in))
            throw new IllegalStateException("BCM " + bcm + " is not a mock input");
        return in;
    }

    /** Pins this component set HIGH: only they go back LOW (a relay's feedback input is never touched). */
    private final java.util.Map<Integer, MockDigitalInput> raised = new java.util.HashMap<>();

    private synchronized void levels() {
        try {
            Set<Integer> h = high;
            for (var it = raised.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (!h.contains(e.getKey())) {
                    e.getValue().mockState(DigitalState.LOW);
                    it.remove();
                }
            }
            for (int bcm : h) {
                String id = "bcm" + bcm;
                if (!mockChip.registry().exists(id)) continue; // not claimed yet: next time
                if (!(mockChip.registry().get(id) instanceof MockDigitalInput in)) continue;
                if (in.state() != DigitalState.HIGH) in.mockState(DigitalState.HIGH);
                raised.put(bcm, in);
            }
        } catch (RuntimeException e) {
            log.warn("simulated inputs: {}", e.toString());
        }
    }
}
