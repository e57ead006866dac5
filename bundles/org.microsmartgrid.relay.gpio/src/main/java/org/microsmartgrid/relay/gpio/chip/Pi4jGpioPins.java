package org.microsmartgrid.relay.gpio.chip;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.microsmartgrid.relay.gpio.config.BoardPins;
import org.microsmartgrid.relay.gpio.config.ChipSettings;
import org.microsmartgrid.relay.gpio.config.GpioProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link GpioPins} on a Pi4J context: claims first, then the Pi4J digital I/O. */
public final class Pi4jGpioPins implements GpioPins, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pi4jGpioPins.class);

    private final ChipSettings settings;
    private final Context context;
    private final PinClaims claims = new PinClaims();
    private final StopLatch stopLatch = new StopLatch();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "msg-relay-watchdog");
        t.setDaemon(true);
        return t;
    });

    public Pi4jGpioPins(ChipSettings settings, Context context) {
        this.settings = settings;
        this.context = context;
    }

    @Override
    public GpioProvider provider() {
        return settings.provider();
    }

    @Override
    public BoardPins board() {
        return settings.pins();
    }

    @Override
    public Set<String> relayIdsInUse(String owner) {
        return claims.relayIdsExcept(owner);
    }

    @Override
    public void claimRelayId(String owner, String relayId) {
        claims.claimRelayId(owner, relayId);
    }

    @Override
    public DigitalOutput claimOutput(String owner, String label, int bcm, boolean activeLow) {
        claims.claimPin(bcm, new PinClaims.Claim(owner, label, "output"));
        DigitalState inactive = activeLow ? DigitalState.HIGH : DigitalState.LOW;
        try {
            return context.create(DigitalOutput.newConfigBuilder(context).id(ioId(bcm)).name(label + " output")
                    .address(bcm).initial(inactive).shutdown(inactive)
                    .provider(Pi4jProviders.outputProviderId(settings.provider())).build());
        } catch (RuntimeException e) {
            claims.releasePin(bcm, owner);
            throw new IllegalStateException("cannot open BCM " + bcm + " as output for " + label + " with "
                    + settings.provider() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public DigitalInput claimInput(String owner, String label, int bcm, boolean activeLow) {
        return input(owner, label, bcm, activeLow, "feedback input", null);
    }

    @Override
    public DigitalInput claimEdgeInput(String owner, String label, int bcm, boolean activeLow) {
        return input(owner, label, bcm, activeLow, "edge input", 0L);
    }

    /** @param debounceMicros null: Pi4J's default */
    private DigitalInput input(String owner, String label, int bcm, boolean activeLow, String use,
                               Long debounceMicros) {
        claims.claimPin(bcm, new PinClaims.Claim(owner, label, use));
        try {
            // Pulled to the open-contact level, so a broken feedback wire reads "open", never "closed".
            var config = DigitalInput.newConfigBuilder(context).id(ioId(bcm))
                    .name(label + (debounceMicros == null ? " feedback" : " edges"))
                    .address(bcm).pull(activeLow ? PullResistance.PULL_UP : PullResistance.PULL_DOWN)
                    .provider(Pi4jProviders.inputProviderId(settings.provider()));
            if (debounceMicros != null) config.debounce(debounceMicros); // 0: gpiod passes every edge
            return context.create(config.build());
        } catch (RuntimeException e) {
            claims.releasePin(bcm, owner);
            throw new IllegalStateException("cannot open BCM " + bcm + " as input for " + label + " with "
                    + settings.provider() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void release(String owner) {
        stopLatch.unregister(owner);
        for (int bcm : claims.releaseAll(owner)) {
            try {
                context.shutdown(ioId(bcm)); // an output goes to its shutdown (inactive) level
            } catch (RuntimeException e) {
                log.error("GPIO chip: shutting down BCM {} of {} failed: {}", bcm, owner, e.toString());
            }
        }
    }

    @Override
    public StopLatch stopLatch() {
        return stopLatch;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Stops the watchdog thread. The context belongs to the caller. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private static String ioId(int bcm) {
        return "bcm" + bcm;
    }
}
