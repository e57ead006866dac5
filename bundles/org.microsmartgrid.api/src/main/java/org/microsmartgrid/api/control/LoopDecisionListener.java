package org.microsmartgrid.api.control;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: told of every decision of the control loop, right after its relay commands were sent (about
 * four times a second). For consumers that react to change (CoAP Observe, telemetry on change). Implementations must
 * return at once: they are called on the loop's thread, and a slow one delays the next cycle.
 */
@ConsumerType
public interface LoopDecisionListener {
    void onDecision(LoopDecision decision);
}
