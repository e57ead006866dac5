package org.microsmartgrid.relay.gpio.chip;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.microsmartgrid.relay.gpio.config.BoardPins;
import org.microsmartgrid.relay.gpio.config.GpioProvider;

/**
 * The GPIO chip as the relays see it (a service private to this bundle): every pin has one owner, so two relays
 * can never drive the same contactor, and a pin cannot be an output and a feedback input at once.
 *
 * <p>An owner is a configuration pid; its label ("relay 'r1'") is what error messages show.
 */
public interface GpioPins {

    GpioProvider provider();

    /** The configured board's channel names. */
    BoardPins board();

    /** Relay ids held by owners other than {@code owner}. */
    Set<String> relayIdsInUse(String owner);

    /** Reserves a relay id; fails when another owner holds it. */
    void claimRelayId(String owner, String relayId);

    /**
     * Claims a pin as an output and creates it at its inactive level (relay OFF), which is also the level Pi4J
     * leaves it at when the pin or the chip is shut down.
     *
     * @throws PinClaimedException when another owner (or this one, for another use) holds the pin
     */
    DigitalOutput claimOutput(String owner, String label, int bcm, boolean activeLow);

    /** Claims a pin as an input, pulled towards its inactive level. */
    DigitalInput claimInput(String owner, String label, int bcm, boolean activeLow);

    /**
     * Claims a pin as an input like {@link #claimInput}, without Pi4J's debounce (10 ms by default, which would
     * swallow a Wiegand keypad's bits, 1-2 ms apart): for inputs read by their edges.
     */
    DigitalInput claimEdgeInput(String owner, String label, int bcm, boolean activeLow);

    /** Shuts down the owner's pins (outputs go to their inactive level) and frees them and its relay id. */
    void release(String owner);

    /** Closed when the module begins to stop: relays refuse ON from then on (see {@link StopLatch}). */
    StopLatch stopLatch();

    /** One thread shared by all relays for their periodic checks (lease expiry, feedback). */
    ScheduledExecutorService scheduler();
}
