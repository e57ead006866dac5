package org.microsmartgrid.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.microsmartgrid.api.charging.ChargingSession;
import org.microsmartgrid.api.control.LoopDecision;
import org.microsmartgrid.api.control.PowerCap;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.relay.RelayState;

/**
 * Everything telemetry is built from, read from the API services at one instant. Absent services give empty parts.
 *
 * @param at       when it was read
 * @param meters   every meter's reading
 * @param relays   every relay's state
 * @param decision the loop's last decision
 * @param sessions the open session of each socket that has one
 * @param disabled sockets disabled through SiteControl, with who did it
 * @param cap      the power cap in force
 */
public record SiteView(Instant at, List<MeterReading> meters, List<RelayState> relays, Optional<LoopDecision> decision,
                       Map<Integer, ChargingSession> sessions, Map<Integer, String> disabled, Optional<PowerCap> cap) {
}
