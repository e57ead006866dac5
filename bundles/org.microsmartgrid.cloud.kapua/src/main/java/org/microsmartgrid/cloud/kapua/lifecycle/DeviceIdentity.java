package org.microsmartgrid.cloud.kapua.lifecycle;

/**
 * What the installer says the module is, for Kapua's device registry.
 *
 * @param displayName     e.g. "Biblioteca Sormani — cortile"
 * @param modelName       e.g. "MSG module"
 * @param modelId         e.g. "msg-rpi4"
 * @param partNumber      the BOM's part number
 * @param serialNumber    the board's serial
 * @param firmwareVersion this software's version
 */
public record DeviceIdentity(String displayName, String modelName, String modelId, String partNumber,
                             String serialNumber, String firmwareVersion) {
}
