package org.microsmartgrid.api.building;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** One-time access codes for the module's doors. Decisions are local: they never wait for the cloud. */
@ProviderType
public interface DoorAccess {

    List<DoorState> doors();

    /**
     * Issues a one-time code. Couriers: a short window; interventions (carer, emergency service): a longer window
     * and a mandatory reason.
     *
     * @throws IllegalArgumentException (unknown door, window out of bounds, missing reason): nothing is issued
     */
    IssuedCode issue(String door, CodeKind kind, Instant from, Instant until, String reason, String issuedBy);

    /** Tries a code at a door; every attempt is audited and sent to the listeners. */
    AccessResult redeem(String door, String code, String via);

    enum CodeKind { COURIER, INTERVENTION }

    /** @param code the code in clear: shown once to whoever issued it, stored only as a salted hash */
    record IssuedCode(String id, String door, CodeKind kind, Instant from, Instant until, String code) {
    }

    /** @param message Italian first, then English: what the keypad or the page shows */
    record AccessResult(String outcome, boolean granted, String message) {
    }
}
