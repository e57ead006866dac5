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

    /**
     * The codes that may still open a door: not used, not revoked, window not ended (those not valid yet included),
     * by door and start. Never the code itself.
     *
     * @since 1.1.0
     */
    default List<LiveCode> liveCodes() {
        return List.of();
    }

    /**
     * Revokes a code before its window ends: from then on it never opens (an attempt with it is REFUSED). The
     * revocation is audited and sent to the listeners with the outcome REVOKED.
     *
     * @param revokedBy who revokes it, e.g. {@code coap:bms-1}, {@code installer:anna}
     * @return false when no live code has that id (unknown, used, ended or revoked already): nothing changes
     * @since 1.1.0
     */
    default boolean revoke(String codeId, String revokedBy) {
        throw new UnsupportedOperationException("this door service cannot revoke codes");
    }

    enum CodeKind { COURIER, INTERVENTION }

    /** @param code the code in clear: shown once to whoever issued it, stored only as a salted hash */
    record IssuedCode(String id, String door, CodeKind kind, Instant from, Instant until, String code) {
    }

    /** A code that may still open its door, as issued, without the code. */
    record LiveCode(String id, String door, CodeKind kind, Instant from, Instant until, String issuedBy) {
    }

    /** @param message Italian first, then English: what the keypad or the page shows */
    record AccessResult(String outcome, boolean granted, String message) {
    }
}
