package org.microsmartgrid.city.registry;

/**
 * A charging session as the module reports it on msg/sessions: statistics only, never who charged.
 *
 * @param account   Kapua account
 * @param clientId  MQTT client id
 * @param sessionId the module's id for it
 * @param socket    socket number
 * @param mode      SOLAR_ONLY, SOLAR_AND_CHEAP or NOW
 * @param state     OPEN or CLOSED
 * @param started   epoch ms
 * @param ended     epoch ms, or null while open
 * @param energyWh  energy delivered
 * @param solarWh   the part covered locally
 * @param costEur   cost at the configured band prices
 * @param endReason why it ended, or null
 * @param startedBy plug, token or remote
 */
public record SessionRecord(String account, String clientId, String sessionId, int socket, String mode, String state,
                            Long started, Long ended, Double energyWh, Double solarWh, Double costEur, String endReason,
                            String startedBy) {
}
