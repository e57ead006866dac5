package org.microsmartgrid.grid.balancer.status;

/**
 * One socket's decision, for display.
 *
 * @param socket       socket number
 * @param on           relay state wanted
 * @param reason       reason code, e.g. CHARGING_SURPLUS, WAITING_ROTATION, SHED_GRID_LIMIT (see docs/balancing.md)
 * @param text         reason for people, e.g. "turn of socket 3 in rotation"
 * @param safety       whether the OFF is a safety off
 * @param priority     MOBILITY_AID, SHARED_FLEET, PUBLIC or PRIVATE
 * @param mode         NONE, SOLAR_ONLY, SOLAR_AND_CHEAP or NOW
 * @param source       GRID, SURPLUS or NONE: what the session may use now
 * @param drawW        the power the decision counted for it
 * @param relayOutcome what the relay answered to the last command (APPLIED, DEFERRED, REJECTED), or null when none was sent
 * @param relayDetail  the relay's reason for DEFERRED/REJECTED, or null
 */
public record SocketView(int socket, boolean on, String reason, String text, boolean safety, String priority,
                         String mode, String source, double drawW, String relayOutcome, String relayDetail) {
}
