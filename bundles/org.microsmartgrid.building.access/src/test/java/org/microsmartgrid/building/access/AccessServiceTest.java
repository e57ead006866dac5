package org.microsmartgrid.building.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.api.building.AccessEvent;
import org.microsmartgrid.api.building.DoorAccess.AccessResult;
import org.microsmartgrid.api.building.DoorAccess.CodeKind;
import org.microsmartgrid.api.building.DoorAccess.IssuedCode;
import org.microsmartgrid.building.access.store.CodeHasher;

class AccessServiceTest {
    @TempDir
    Path dir;
    TestBuilding b;
    AccessService access;

    @BeforeEach
    void start() {
        b = new TestBuilding();
        access = started();
    }

    @AfterEach
    void stop() {
        access.deactivate();
    }

    private AccessService started() {
        AccessService s = new AccessService(b.hub, b.clock, new CodeHasher(1000));
        s.activate(null, TestBuilding.config(dir.resolve("journal.jsonl")));
        return s;
    }

    private Instant now() {
        return b.clock.instant();
    }

    private IssuedCode courier(String door) {
        return access.issue(door, CodeKind.COURIER, now(), now().plus(Duration.ofHours(2)), null, "manager");
    }

    @Test
    void aCourierCodeOpensItsDoorOnceAndNeverAgain() {
        IssuedCode code = courier("portone");
        assertTrue(code.code().matches("[0-9]{8}"));

        AccessResult first = access.redeem("portone", code.code(), "keypad");
        assertTrue(first.granted());
        assertTrue(b.pins.get("portone").strike.get(), "the strike is released");
        assertFalse(b.pins.get("locker-1").strike.get(), "the other door stays locked");

        b.clock.advance(Duration.ofSeconds(6));
        b.doors.get("portone").tick();
        assertFalse(b.pins.get("portone").strike.get(), "locked again after the open time");

        AccessResult again = access.redeem("portone", code.code(), "keypad");
        assertEquals("REUSED", again.outcome());
        assertFalse(b.pins.get("portone").strike.get());
    }

    @Test
    void aCodeDoesNotOpenAnotherDoor() {
        IssuedCode code = courier("portone");
        AccessResult r = access.redeem("locker-1", code.code(), "keypad");
        assertEquals("REFUSED", r.outcome());
        assertFalse(b.pins.get("locker-1").strike.get());
        assertTrue(access.redeem("portone", code.code(), "keypad").granted(), "still good at its own door");
    }

    @Test
    void aCodeOutsideItsWindowIsRefused() {
        IssuedCode later = access.issue("portone", CodeKind.COURIER, now().plus(Duration.ofHours(1)),
                now().plus(Duration.ofHours(2)), null, "manager");
        assertEquals("NOT_YET_VALID", access.redeem("portone", later.code(), "keypad").outcome());
        IssuedCode soon = courier("portone");
        b.clock.advance(Duration.ofHours(3));
        assertEquals("EXPIRED", access.redeem("portone", soon.code(), "keypad").outcome());
        assertFalse(b.pins.get("portone").strike.get());
    }

    @Test
    void aUsedCodeStaysUsedAfterARestart() {
        IssuedCode code = courier("portone");
        IssuedCode unused = courier("portone");
        assertTrue(access.redeem("portone", code.code(), "keypad").granted());
        access.deactivate();

        access = started();
        assertEquals("REUSED", access.redeem("portone", code.code(), "keypad").outcome());
        assertTrue(access.redeem("portone", unused.code(), "keypad").granted(), "an unused code survives too");
    }

    @Test
    void theJournalHasEveryAttemptAndNeverACode() throws Exception {
        IssuedCode code = courier("portone");
        access.redeem("portone", "12ab", "keypad");
        access.redeem("portone", code.code(), "coap");
        access.redeem("portone", code.code(), "keypad");
        String journal = Files.readString(dir.resolve("journal.jsonl"));
        assertFalse(journal.contains(code.code()), "the code is stored hashed");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("journal.jsonl"))), "the module's user only");
        List<String> outcomes = b.accessEvents.stream().map(AccessEvent::outcome).toList();
        assertEquals(List.of("ISSUED", "MALFORMED", "GRANTED", "REUSED"), outcomes);
        for (String o : outcomes) assertTrue(journal.contains("\"outcome\":\"" + o + "\""), o + " in the journal");
        assertEquals(code.id(), b.accessEvents.get(2).codeId());
        assertEquals("coap", b.accessEvents.get(2).via());
    }

    @Test
    void guessingIsThrottledEvenForTheRightCode() {
        IssuedCode code = courier("portone");
        String wrong = code.code().equals("00000000") ? "11111111" : "00000000";
        for (int i = 0; i < 5; i++) assertEquals("REFUSED", access.redeem("portone", wrong, "keypad").outcome());
        AccessResult r = access.redeem("portone", code.code(), "keypad");
        assertEquals("THROTTLED", r.outcome());
        assertFalse(b.pins.get("portone").strike.get());

        b.clock.advance(Duration.ofSeconds(31));
        assertTrue(access.redeem("portone", code.code(), "keypad").granted(), "the code works after the back-off");
    }

    @Test
    void guessingOnThePublicPageNeverPausesTheBuildingsOwnKeypad() {
        IssuedCode code = courier("portone");
        String wrong = code.code().equals("00000000") ? "11111111" : "00000000";
        for (int i = 0; i < 25; i++) access.redeem("portone", wrong, "city"); // anyone on the Internet
        assertEquals("THROTTLED", access.redeem("portone", code.code(), "city").outcome(),
                "the page's channel is paused, even for the right code");
        assertTrue(access.redeem("portone", code.code(), "keypad").granted(), "the courier at the keypad gets in");

        IssuedCode second = courier("portone");
        for (int i = 0; i < 5; i++) access.redeem("portone", wrong, "keypad");
        assertEquals("THROTTLED", access.redeem("portone", second.code(), "keypad").outcome(),
                "the keypad keeps its own throttle");
    }

    @Test
    void anInterventionNeedsAReasonAndMayLastLonger() {
        Instant until = now().plus(Duration.ofHours(48));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> access.issue("portone", CodeKind.INTERVENTION, now(), until, " ", "manager"));
        assertTrue(e.getMessage().contains("reason"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> access.issue("portone", CodeKind.COURIER, now(), until, null, "manager"));
        assertTrue(b.accessEvents.isEmpty(), "nothing issued by a refused request");

        IssuedCode ok = access.issue("portone", CodeKind.INTERVENTION, now(), until, "Assistenza sig.ra R.", "mgr");
        b.clock.advance(Duration.ofHours(30));
        assertTrue(access.redeem("portone", ok.code(), "keypad").granted());
    }

    @Test
    void badRequestsChangeNothing() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> access.issue("cantina", CodeKind.COURIER, now(),
                now().plus(Duration.ofHours(1)), null, "manager"));
        assertThrows(IllegalArgumentException.class, () -> access.issue("portone", CodeKind.COURIER,
                now().plus(Duration.ofHours(2)), now().plus(Duration.ofHours(1)), null, "manager"));
        assertThrows(IllegalArgumentException.class, () -> access.redeem("cantina", "12345678", "keypad"));
        assertEquals(0, Files.size(dir.resolve("journal.jsonl")));
        assertTrue(b.accessEvents.isEmpty());
    }

    @Test
    void aMalformedEntryIsSaidSoAndCountsAsAGuess() {
        for (String bad : new String[] {"1234567", "123456789", "1234 678", "abcdefgh", "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668"}) {
            AccessResult r = access.redeem("portone", bad, "keypad");
            assertEquals("MALFORMED", r.outcome(), bad);
            assertTrue(r.message().contains("8"), r.message());
        }
        assertEquals("THROTTLED", access.redeem("portone", null, "keypad").outcome(), "five malformed entries are "
                + "five wrong guesses");
        assertFalse(b.pins.get("portone").strike.get());
    }

    @Test
    void aRevokedCodeNeverOpensEvenAfterARestartAndTheRevocationIsJournaledAndSent() throws Exception {
        IssuedCode code = courier("portone");
        IssuedCode later = access.issue("locker-1", CodeKind.COURIER, now().plus(Duration.ofHours(1)),
                now().plus(Duration.ofHours(3)), null, "manager");
        assertEquals(List.of(later.id(), code.id()), access.liveCodes().stream().map(c -> c.id()).toList(),
                "by door, without the codes");
        assertTrue(access.revoke(code.id(), "installer:anna"));
        assertTrue(access.revoke(later.id(), "coap:bms-1"), "a code not valid yet can be revoked too");
        assertTrue(access.liveCodes().isEmpty());

        AccessResult r = access.redeem("portone", code.code(), "keypad");
        assertEquals("REFUSED", r.outcome(), "the person at the door learns nothing");
        assertFalse(b.pins.get("portone").strike.get());
        AccessEvent revocation = b.accessEvents.get(2);
        assertEquals("REVOKED", revocation.outcome());
        assertEquals(code.id(), revocation.codeId());
        assertEquals("installer:anna", revocation.via());
        assertEquals(code.id(), b.accessEvents.get(4).codeId(), "the attempt names the revoked code for the audit");
        String journal = Files.readString(dir.resolve("journal.jsonl"));
        assertTrue(journal.contains("\"type\":\"REVOKED\"") && journal.contains("installer:anna"), journal);

        access.deactivate();
        access = started();
        b.clock.advance(Duration.ofHours(1));
        assertFalse(access.redeem("portone", code.code(), "keypad").granted(), "still revoked after a restart");
        assertFalse(access.redeem("locker-1", later.code(), "keypad").granted(), "inside its window, revoked");
        assertFalse(access.revoke(code.id(), "installer:anna"), "revoked already");
        assertFalse(access.revoke("no-such-id", "installer:anna"));
    }

    @Test
    void aUsedOrEndedCodeCannotBeRevoked() {
        IssuedCode used = courier("portone");
        IssuedCode ended = courier("locker-1");
        assertTrue(access.redeem("portone", used.code(), "keypad").granted());
        assertFalse(access.revoke(used.id(), "installer:anna"));
        b.clock.advance(Duration.ofHours(3));
        int events = b.accessEvents.size();
        assertFalse(access.revoke(ended.id(), "installer:anna"));
        assertEquals(events, b.accessEvents.size(), "nothing sent");
    }
}
