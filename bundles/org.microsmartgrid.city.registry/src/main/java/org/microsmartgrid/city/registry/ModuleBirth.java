package org.microsmartgrid.city.registry;

/**
 * What a module's BIRTH tells the registry.
 *
 * @param account         Kapua account
 * @param clientId        MQTT client id
 * @param displayName     public name of the point
 * @param serialNumber    serial number
 * @param firmwareVersion firmware version
 * @param latitude        position, or null (then the point is registered but not public)
 * @param longitude       position, or null
 * @param sockets         how many sockets it has
 * @param capturedAt      the payload's timestamp, epoch ms
 */
public record ModuleBirth(String account, String clientId, String displayName, String serialNumber,
                          String firmwareVersion, Double latitude, Double longitude, int sockets, long capturedAt) {
}
