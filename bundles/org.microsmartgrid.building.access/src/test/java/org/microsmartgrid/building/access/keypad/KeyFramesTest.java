package org.microsmartgrid.building.access.keypad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class KeyFramesTest {

    @Test
    void fourBitFramesAreKeysStarAndHash() {
        assertEquals(new KeyFrames.Key(0), KeyFrames.decode(WiegandFrame.of("0000")));
        assertEquals(new KeyFrames.Key(7), KeyFrames.decode(WiegandFrame.of("0111")));
        assertEquals(new KeyFrames.Key(KeyFrames.STAR), KeyFrames.decode(WiegandFrame.of("1010")));
        assertEquals(new KeyFrames.Key(KeyFrames.HASH), KeyFrames.decode(WiegandFrame.of("1011")));
    }

    @Test
    void eightBitFramesCarryTheComplementFirst() {
        assertEquals(new KeyFrames.Key(1), KeyFrames.decode(WiegandFrame.of("11100001")));
        assertEquals(new KeyFrames.Key(KeyFrames.HASH), KeyFrames.decode(WiegandFrame.of("01001011")));
        assertEquals(WiegandFrame.of("11100001"), KeyFrames.eightBit(1));
    }

    @Test
    void aBadComplementIsDiscarded() {
        KeyFrames.Decoded d = KeyFrames.decode(WiegandFrame.of("11110001")); // high nibble should be 1110
        assertEquals(new KeyFrames.Garbled(8, "bad complement"), d);
    }

    @Test
    void keysTwelveToFifteenAreNotKeys() {
        assertInstanceOf(KeyFrames.Garbled.class, KeyFrames.decode(WiegandFrame.of("1100")));
        assertInstanceOf(KeyFrames.Garbled.class, KeyFrames.decode(KeyFrames.eightBit(15)));
    }

    @Test
    void aCardsTwentySixBitFrameIsNotAKey() {
        assertEquals(new KeyFrames.OtherLength(26), KeyFrames.decode(WiegandFrame.of("10000000110000000000000011")));
        assertEquals(new KeyFrames.OtherLength(1), KeyFrames.decode(WiegandFrame.of("1")));
    }

    @Test
    void aLineThatNeverPausesKeepsOnlyItsLast64Bits() {
        WiegandFrame f = WiegandFrame.EMPTY;
        for (int i = 0; i < 10_000; i++) f = f.append(i % 2 == 0);
        assertEquals(10_000, f.length());
        assertInstanceOf(KeyFrames.OtherLength.class, KeyFrames.decode(f));
    }
}
