package org.microsmartgrid.charging.session;

import java.time.Instant;

/**
 * What one socket reading tells the sessions.
 *
 * @param socket      socket number
 * @param at          when it was read
 * @param powerW      the socket's power, W; null when the reading is not GOOD
 * @param importWh    the socket meter's IMPORT_ENERGY counter, Wh; null when it has none (or not GOOD)
 * @param relayClosed whether the socket's relay is closed; null when no relay is known for it
 */
public record SocketSample(int socket, Instant at, Double powerW, Double importWh, Boolean relayClosed) {
}
