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
import org.microsmartgrid.api.building.DoorAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo building's doors, sensors and keypad: a configuration file the demo (or a test) rewrites says which mock
 * inputs read HIGH (and, once removed from the list, LOW again), and which code is typed on which door's keypad. Bound only to the MOCK chip's Pi4J context, so it
 * can never drive a real pin. Levels are re-applied every 200 ms: an input configured after this file still gets
 * its level.
 */
@Component(name = SimulatedInputs.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
@Designate(ocd = SimulatedInputsConfig.class)
public class SimulatedInputs {
    public static final String PID = "org.microsmartgrid.simulator.SimulatedInputs";
    private static final Logger log = LoggerFactory.getLogger(SimulatedInputs.class);

    @Reference(target = "(gpio.provider=MOCK)")
    private Context mockChip;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DoorAccess doors;

    private volatile Set<Integer> high = Set.of();
    private String lastKeypad = "";
    private ScheduledExecutorService timer;

    @Activate
    void activate(SimulatedInputsConfig config) {
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

    private void type(String entry) {
        int colon = entry.indexOf(':');
        DoorAccess d = doors;
        if (colon < 1 || d == null) {
            log.warn("simulated keypad: '{}' not typed ({})", entry, d == null ? "no door access running"
                    : "write door:code");
            return;
        }
        try {
            DoorAccess.AccessResult r = d.redeem(entry.substring(0, colon), entry.substring(colon + 1), "keypad");
            log.info("simulated keypad at {}: {}", entry.substring(0, colon), r.outcome());
        } catch (IllegalArgumentException e) {
            log.warn("simulated keypad: {}", e.getMessage());
        }
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
