package org.microsmartgrid.building.access.keypad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.microsmartgrid.building.access.keypad.KeyFrames.HASH;
import static org.microsmartgrid.building.access.keypad.KeyFrames.STAR;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyEntryTest {

    @Test
    void digitsThenHashAreTriedOnce() {
        Typing t = new Typing();
        for (char c : "12345678".toCharArray()) t.key(c - '0', false, 100);
        t.key(HASH, false, 100);
        assertEquals(List.of("12345678"), t.submitted());
    }

    @Test
    void starClearsWhatWasTyped() {
        Typing t = new Typing().key(9, true, 100).key(9, true, 100).key(STAR, true, 100);
        for (char c : "4711".toCharArray()) t.key(c - '0', true, 100);
        t.key(HASH, true, 100);
        assertEquals(List.of("4711"), t.submitted());
    }

    @Test
    void aLongPauseClearsTheDigitsBeforeIt() {
        Typing t = new Typing().key(1, false, 100).key(2, false, 10_001);
        t.key(3, false, 100).key(HASH, false, 100);
        assertEquals(List.of("3"), t.submitted(), "1 and 2 were typed more than 10 s before");
        Typing late = new Typing().key(1, false, 10_001).key(HASH, false, 100);
        assertEquals(List.of(), late.submitted(), "'#' after the timeout tries nothing");
    }

    @Test
    void moreThanSixteenDigitsClear() {
        Typing t = new Typing();
        for (int i = 0; i < 17; i++) t.key(5, false, 50);
        t.key(HASH, false, 50);
        assertEquals(List.of(), t.submitted());
        KeyEntry.Step s = KeyEntry.press(new KeyEntry("1234567890123456", 0), 7, 1, Typing.TIMEOUT);
        assertEquals(KeyEntry.Event.TOO_LONG, s.event());
        assertEquals("", s.next().digits());
    }

    @Test
    void sixteenDigitsAreStillAnEntry() {
        Typing t = new Typing();
        for (int i = 0; i < 16; i++) t.key(i % 10, true, 50);
        t.key(HASH, true, 50);
        assertEquals(List.of("0123456789012345"), t.submitted());
    }

    @Test
    void hashAloneTriesNothing() {
        assertEquals(List.of(), new Typing().key(HASH, false, 100).key(HASH, true, 100).submitted());
    }

    @Test
    void digitsLeftAloneExpire() {
        KeyEntry e = new KeyEntry("12", 0);
        assertEquals(e, KeyEntry.expire(e, Typing.TIMEOUT, Typing.TIMEOUT).next());
        KeyEntry.Step s = KeyEntry.expire(e, Typing.TIMEOUT + 1, Typing.TIMEOUT);
        assertEquals(KeyEntry.EMPTY, s.next());
        assertEquals(KeyEntry.Event.TIMED_OUT, s.event());
    }

    @Test
    void framesCloseOnlyAfterTheGap() {
        Typing t = new Typing().frame(WiegandFrame.of("00"), 10).frame(WiegandFrame.of("01"), 100)
                .key(HASH, false, 100);
        // 00 and 01 arrive 10 ms apart (< 25 ms gap): one 4-bit frame, the key 1
        assertEquals(List.of("1"), t.submitted());
    }
}
