package org.microsmartgrid.api.building;

import java.time.Instant;

/**
 * An alarm raised or cleared.
 *
 * @param source the door or input id ("portone", "enclosure")
 * @param type   DOOR_LEFT_OPEN, DOOR_FORCED, CONTACT, PIR, TAMPER, SMOKE, FLOOD
 * @param active true when raised, false when cleared
 */
public record AlarmEvent(Instant at, String source, String type, boolean active, String detail) {
}
