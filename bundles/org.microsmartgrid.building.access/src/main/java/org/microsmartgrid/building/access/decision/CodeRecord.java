package org.microsmartgrid.building.access.decision;

import java.time.Instant;
import org.microsmartgrid.api.building.DoorAccess.CodeKind;

/**
 * An issued code as stored: its salted hash, never the code.
 *
 * @param id    public id of the code (in the audit journal and events), random, unrelated to the code
 * @param until exclusive end of the window
 */
public record CodeRecord(String id, String door, CodeKind kind, Instant from, Instant until, String salt,
                         String hash, String reason, String issuedBy, Instant issuedAt) {

    public boolean inWindow(Instant now) {
        return !now.isBefore(from) && now.isBefore(until);
    }
}
