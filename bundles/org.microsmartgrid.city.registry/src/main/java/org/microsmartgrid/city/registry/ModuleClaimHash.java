package org.microsmartgrid.city.registry;

/**
 * The claim hash a module published last (lower-case hex SHA-256 of the code it shows its installer).
 *
 * @param capturedAt the capture time of the BIRTH or APPS that carried it, epoch ms
 */
public record ModuleClaimHash(String account, String clientId, String sha256, long capturedAt) {
}
