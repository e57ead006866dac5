package org.microsmartgrid.coap.server;

import org.microsmartgrid.coap.config.Settings;
import org.microsmartgrid.coap.state.Sources;

import java.time.Clock;

/**
 * What the resources share: the module's services, the settings, the clock, and a way to say "state changed now"
 * (after a write) so observers hear of it without waiting for the next loop cycle.
 */
public record CoapContext(Sources sources, Settings settings, Clock clock, Runnable stateChanged) {
}
