package org.microsmartgrid.grid.balancer.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import org.microsmartgrid.api.storage.BatteryControl;
import org.microsmartgrid.api.storage.BatteryControlState;
import org.microsmartgrid.api.storage.BatteryResult;
import org.microsmartgrid.grid.balancer.decision.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a decision's battery set-point to the battery, renewed every cycle with a validity of a few cycles: a loop
 * that stops leaves the battery in its own automatic mode once the set-point expires (the device's revert timer).
 * In the safe state the set-point is 0 W (the battery holds still while the grid reading cannot be trusted).
 * One battery is steered (the first by id); the decision has one set-point for the site.
 */
final class BatteryApplier {

    private static final Logger LOG = LoggerFactory.getLogger(BatteryApplier.class);

    private BatteryApplier() {
    }

    static Optional<BatteryControl> steered(Collection<BatteryControl> batteries) {
        return batteries.stream().min(Comparator.comparing(BatteryApplier::idOf));
    }

    /**
     * @param exportLimitW what the decision let the discharge push into the grid; taken back off the set-point when
     *                     the battery itself says it must not export
     * @return the battery's answer, or null without a battery
     */
    static BatteryResult apply(Decision d, Collection<BatteryControl> batteries, Duration validFor, String source,
                               double exportLimitW) {
        Optional<BatteryControl> b = steered(batteries);
        if (b.isEmpty()) return null;
        double setpoint = d.safeState() || !Double.isFinite(d.batterySetpointW()) ? 0 : d.batterySetpointW();
        try {
            BatteryControlState st = b.get().state();
            if (setpoint > 0 && exportLimitW > 0 && st != null && !st.exportAllowed())
                setpoint = Math.max(0, setpoint - exportLimitW);
            BatteryResult r = b.get().apply(setpoint, validFor, source);
            if (r != null && !r.written()) LOG.warn("battery {}: set-point {} W refused: {}", b.get().id(),
                    Math.round(setpoint), r.reason());
            return r;
        } catch (RuntimeException e) {
            LOG.warn("battery set-point failed: {}", e.toString());
            return BatteryResult.refused(setpoint, "battery service failed: " + e);
        }
    }

    /** On stop: the battery goes back to its own automatic mode at once (its set-point would expire anyway). */
    static void release(Collection<BatteryControl> batteries, String source) {
        for (BatteryControl b : batteries) {
            try {
                b.release(source);
            } catch (RuntimeException e) {
                LOG.warn("battery release on stop failed: {}", e.toString());
            }
        }
    }

    private static String idOf(BatteryControl b) {
        try {
            return b.id();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
