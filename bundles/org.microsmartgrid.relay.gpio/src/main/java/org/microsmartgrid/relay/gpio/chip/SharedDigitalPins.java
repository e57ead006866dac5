package org.microsmartgrid.relay.gpio.chip;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import org.microsmartgrid.api.gpio.BinaryInput;
import org.microsmartgrid.api.gpio.BinaryOutput;
import org.microsmartgrid.api.gpio.DigitalPins;
import org.microsmartgrid.api.gpio.EdgeListener;
import org.microsmartgrid.relay.gpio.config.BoardPins;
import org.microsmartgrid.relay.gpio.config.InvalidConfigurationException;

/**
 * The chip's pins for other bundles (doors, security inputs): the same claims as the relays', so a pin has one owner
 * module-wide, and the same Pi4J context. Polarity is applied here; callers think in active/inactive.
 */
public final class SharedDigitalPins implements DigitalPins {
    private final GpioPins pins;

    public SharedDigitalPins(GpioPins pins) {
        this.pins = pins;
    }

    @Override
    public int resolve(String pinOrChannel) {
        try {
            return pins.board().resolve("pin", "pin", pinOrChannel);
        } catch (InvalidConfigurationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public BinaryOutput claimOutput(String owner, String label, int bcm, boolean activeLow) {
        checkBcm(bcm);
        DigitalOutput out = pins.claimOutput(owner, label, bcm, activeLow);
        StopLatch latch = pins.stopLatch();
        return new BinaryOutput() {
            @Override
            public void set(boolean active) {
                // once the module stops, outputs only go to their inactive (shutdown) level
                boolean level = active && !latch.closed();
                if (level != activeLow) out.high();
                else out.low();
            }

            @Override
            public boolean active() {
                return out.isHigh() != activeLow;
            }
        };
    }

    @Override
    public BinaryInput claimInput(String owner, String label, int bcm, boolean activeLow) {
        checkBcm(bcm);
        DigitalInput in = pins.claimInput(owner, label, bcm, activeLow);
        return () -> in.isHigh() != activeLow;
    }

    @Override
    public BinaryInput claimEdgeInput(String owner, String label, int bcm, boolean activeLow, EdgeListener listener) {
        checkBcm(bcm);
        DigitalInput in = pins.claimEdgeInput(owner, label, bcm, activeLow);
        // Pi4J's events carry no time: the monotonic clock when the event reaches us (gpiod delivers them in order)
        in.addListener(e -> listener.changed(e.state().isHigh() != activeLow, System.nanoTime()));
        return () -> in.isHigh() != activeLow;
    }

    @Override
    public void release(String owner) {
        pins.release(owner);
    }

    @Override
    public boolean stopping() {
        return pins.stopLatch().closed();
    }

    private static void checkBcm(int bcm) {
        if (bcm < BoardPins.MIN_BCM || bcm > BoardPins.MAX_BCM)
            throw new IllegalArgumentException("BCM " + bcm + " is not a pin of the Raspberry Pi 40-pin header ("
                    + BoardPins.MIN_BCM + ".." + BoardPins.MAX_BCM + ")");
    }
}
