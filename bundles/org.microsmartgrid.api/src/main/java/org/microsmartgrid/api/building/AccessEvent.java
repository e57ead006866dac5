package org.microsmartgrid.api.building;

import java.time.Instant;

/**
 * One attempt to open a door, or one code issued. Never carries the code itself.
 *
 * @param outcome GRANTED, REFUSED, MALFORMED, EXPIRED, NOT_YET_VALID, REUSED, THROTTLED, ISSUED, or REVOKED
 *                (a code revoked before its window ended; {@code via} is who revoked it)
 * @param kind    COURIER or INTERVENTION when a code was recognised, else null
 * @param codeId  the issued code's public id (not the code) when one was recognised, else null
 * @param via     where the attempt came from: "keypad", "coap", "console", "cloud"
 * @param detail  a short explanation (for INTERVENTION codes: the mandatory reason)
 */
public record AccessEvent(Instant at, String door, String outcome, String kind, String codeId, String via,
                          String detail) {
}
