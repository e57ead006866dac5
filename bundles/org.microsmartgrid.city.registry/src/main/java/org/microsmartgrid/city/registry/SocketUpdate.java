package org.microsmartgrid.city.registry;

/**
 * A socket's status as a module reported it.
 *
 * @param account    Kapua account
 * @param clientId   MQTT client id
 * @param socket     socket number
 * @param status     its status
 * @param powerW     power now, or null (unknown, or not in this message)
 * @param capturedAt the payload's timestamp, epoch ms: an update older than the stored one changes nothing
 */
public record SocketUpdate(String account, String clientId, int socket, EvseStatus status, Double powerW,
                           long capturedAt) {
}
