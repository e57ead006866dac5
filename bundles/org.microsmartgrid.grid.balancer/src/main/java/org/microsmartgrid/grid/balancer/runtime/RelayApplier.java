package org.microsmartgrid.grid.balancer.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.microsmartgrid.api.control.SocketReason;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.relay.RelayState;
import org.microsmartgrid.grid.balancer.decision.Decision;
import org.microsmartgrid.grid.balancer.decision.Pausing;
import org.microsmartgrid.grid.balancer.decision.SocketDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a decision to the relays. Every ON is renewed each cycle with a short lease, so a loop that stops leaves
 * the sockets off; an OFF is sent only to a relay that is (or is asked to be) on, so the log stays quiet.
 */
final class RelayApplier {

    private static final Logger LOG = LoggerFactory.getLogger(RelayApplier.class);

    private RelayApplier() {
    }

    static Map<Integer, List<Relay>> bySocket(Collection<Relay> relays) {
        Map<Integer, List<Relay>> result = new HashMap<>();
        for (Relay r : relays) {
            try {
                result.computeIfAbsent(r.socket(), k -> new ArrayList<>()).add(r);
            } catch (RuntimeException e) {
                LOG.warn("relay {} cannot tell its socket: {}", r, e.toString());
            }
        }
        return result;
    }

    static Map<Integer, RelayResult> apply(Decision d, Collection<Relay> relays, Duration lease, String source) {
        return apply(d, relays, lease, source, Map.of());
    }

    /**
     * @param holders the actor of each socket held by an installer: a MANUAL_HOLD_ON or MANUAL_HOLD_OFF is sent in
     *                their name (the relay shows who holds it); every other command of the loop in its own
     */
    static Map<Integer, RelayResult> apply(Decision d, Collection<Relay> relays, Duration lease, String source,
                                           Map<Integer, String> holders) {
        Map<Integer, List<Relay>> bySocket = bySocket(relays);
        Map<Integer, RelayResult> results = new HashMap<>();
        for (SocketDecision sd : d.sockets()) {
            if (Pausing.leftAlone(sd)) continue; // paused by an installer: only safety OFFs are sent
            List<Relay> rs = bySocket.getOrDefault(sd.socket(), List.of());
            boolean held = sd.reason() == SocketReason.MANUAL_HOLD_ON || sd.reason() == SocketReason.MANUAL_HOLD_OFF;
            String who = held ? holders.getOrDefault(sd.socket(), source) : source;
            for (Relay r : rs) {
                try {
                    RelayCommand cmd;
                    if (sd.on()) {
                        if (rs.size() != 1) continue; // two relays on one socket: only OFF is safe
                        cmd = RelayCommand.on(who, lease);
                    } else {
                        RelayState st = r.state();
                        if (!st.wantedOn() && !st.closed()) continue;
                        cmd = sd.safety() ? RelayCommand.safetyOff(who) : RelayCommand.off(who);
                    }
                    RelayResult result = r.command(cmd);
                    if (result == null) continue; // a relay that answers nothing: its state tells next cycle
                    results.put(sd.socket(), result);
                    if (!result.applied())
                        LOG.warn("socket {}: relay {} {} {}: {}", sd.socket(), r.id(), result.outcome(),
                                cmd.on() ? "ON" : "OFF", result.reason());
                } catch (RuntimeException e) {
                    LOG.warn("socket {}: relay command failed: {}", sd.socket(), e.toString());
                }
            }
        }
        return results;
    }

    /** On stop: everything the balancer switched on goes off (the leases would run out anyway). */
    static void allOff(Collection<Relay> relays, String source) {
        for (Relay r : relays) {
            try {
                RelayState st = r.state();
                if (st.wantedOn() || st.closed()) r.command(RelayCommand.off(source));
            } catch (RuntimeException e) {
                LOG.warn("relay OFF on stop failed: {}", e.toString());
            }
        }
    }
}
