package org.microsmartgrid.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.DoorState;

/** DELETE /building/codes?id=… over real CoAP/DTLS on loopback: revoking a code, with the write rules of CoAP. */
class CodesRevokeTest {

    /** One live code, "c-1"; records who revoked what. */
    static final class Doors implements DoorAccess {
        final Set<String> live = new HashSet<>(Set.of("c-1"));
        final List<String> revoked = new ArrayList<>();

        @Override public List<DoorState> doors() {
            return List.of(new DoorState("portone", "Portone", "FAIL_SECURE", false, "CLOSED", false));
        }
        @Override public IssuedCode issue(String door, CodeKind kind, Instant from, Instant until, String reason, String by) {
            throw new AssertionError("not issued here");
        }
        @Override public AccessResult redeem(String door, String code, String via) {
            throw new AssertionError("not tried here");
        }
        @Override public synchronized boolean revoke(String codeId, String revokedBy) {
            if (!live.remove(codeId)) return false;
            revoked.add(codeId + " " + revokedBy);
            return true;
        }
    }

    private final Site site = Site.withKeys();
    private final Doors doors = new Doors();

    @AfterEach
    void close() {
        site.close();
    }

    private CoapClient rw(String path) {
        return site.clients.dtls(site.secure(), path, Site.RW_ID, Site.RW_KEY);
    }

    @Test
    void aBuildingSystemRevokesACodeOnce() throws Exception {
        site.service.useDoorAccess(doors);
        assertEquals(ResponseCode.DELETED, rw("/building/codes?id=c-1").delete().getCode());
        assertEquals(List.of("c-1 coap:bms-1"), doors.revoked);
        var again = rw("/building/codes?id=c-1").delete();
        assertEquals(ResponseCode.NOT_FOUND, again.getCode());
        assertTrue(again.getResponseText().contains("no live code c-1"), again.getResponseText());
        assertEquals(ResponseCode.BAD_REQUEST, rw("/building/codes").delete().getCode(), "which code?");
    }

    @Test
    void plainAndReadOnlyClientsCannotRevoke() throws Exception {
        site.service.useDoorAccess(doors);
        assertEquals(ResponseCode.UNAUTHORIZED, site.clients.plain(site.plain(), "/building/codes?id=c-1").delete().getCode());
        assertEquals(ResponseCode.FORBIDDEN, site.clients.dtls(site.secure(), "/building/codes?id=c-1", Site.RO_ID,
                Site.RO_KEY).delete().getCode());
        assertTrue(doors.revoked.isEmpty());
        assertEquals(Set.of("c-1"), doors.live);
    }

    @Test
    void withoutDoorsItIsUnavailable() throws Exception {
        assertEquals(ResponseCode.SERVICE_UNAVAILABLE, rw("/building/codes?id=c-1").delete().getCode());
    }
}
