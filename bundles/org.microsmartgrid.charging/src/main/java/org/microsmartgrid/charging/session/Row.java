package org.microsmartgrid.charging.session;

import org.microsmartgrid.api.charging.ChargingSession;

/**
 * A session as stored: the record plus the socket meter's import counter at the last energy step, so that after a
 * restart the energy drawn meanwhile is counted once from the counter's difference.
 *
 * @param session the session
 * @param meterWh the socket meter's IMPORT_ENERGY counter when the session was last updated, Wh; null without one
 */
public record Row(ChargingSession session, Double meterWh) {
}
