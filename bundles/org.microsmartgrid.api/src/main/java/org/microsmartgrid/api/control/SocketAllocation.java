package org.microsmartgrid.api.control;

import org.microsmartgrid.api.relay.RelayResult;

/**
 * What the control loop decided for one socket in a cycle, and why.
 *
 * @param socket       socket number, 1..n
 * @param on           the relay state the loop wants
 * @param reason       why, e.g. CHARGING_SURPLUS, WAITING_ROTATION, SHED_GRID_LIMIT (docs/balancing.md lists
 *                     them all)
 * @param text         the reason for people, e.g. "turn of socket 3 in rotation"
 * @param safety       true when the OFF is a safety off (honoured even inside the relay's minimum on-time)
 * @param priority     the socket's class: MOBILITY_AID, SHARED_FLEET, PUBLIC or PRIVATE
 * @param mode         its session's mode: NONE, SOLAR_ONLY, SOLAR_AND_CHEAP or NOW
 * @param source       the power the session may use now: GRID, SURPLUS or NONE
 * @param drawW        the power the loop counted for the socket, W: its measured draw when on, its expected draw
 *                     (highest measured, else its rating) when off
 * @param relayOutcome the relay's answer to this cycle's command: APPLIED, DEFERRED or REJECTED; null when no
 *                     command was sent (a socket that is off and idle gets none) or the relay did not answer
 * @param relayDetail  the relay's reason for DEFERRED or REJECTED; null otherwise
 */
public record SocketAllocation(int socket, boolean on, SocketReason reason, String text, boolean safety,
                               PriorityClass priority, SessionMode mode, PowerSource source, double drawW,
                               RelayResult.Outcome relayOutcome, String relayDetail) {
}
