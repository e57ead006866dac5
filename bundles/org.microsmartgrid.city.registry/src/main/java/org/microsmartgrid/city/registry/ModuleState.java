package org.microsmartgrid.city.registry;

/**
 * The module that reports a location's live status.
 *
 * @param account         Kapua account (first topic level)
 * @param clientId        MQTT client id
 * @param serialNumber    from BIRTH
 * @param firmwareVersion from BIRTH
 * @param online          connected now (BIRTH seen, no DC/LWT since)
 * @param lastHeard       capture time of the newest message from it, epoch ms
 */
public record ModuleState(String account, String clientId, String serialNumber, String firmwareVersion, boolean online,
                          long lastHeard) {
}
