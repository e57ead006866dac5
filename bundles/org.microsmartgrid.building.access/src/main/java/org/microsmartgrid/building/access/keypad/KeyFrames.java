package org.microsmartgrid.building.access.keypad;

/**
 * What a keypad's Wiegand frame says. Keypads send one frame per key: 4 bits (the key, 0-9, 10 = '*', 11 = '#') or 8
 * bits (the complement of the key in the high nibble, the key in the low one, as HID-style keypads do: a check).
 */
public final class KeyFrames {
    public static final int STAR = 10;
    public static final int HASH = 11;

    private KeyFrames() {
    }

    public sealed interface Decoded {
    }

    /** A key: 0-9, {@link #STAR} or {@link #HASH}. */
    public record Key(int value) implements Decoded {
    }

    /** 4 or 8 bits that are not a key: 12-15, or an 8-bit frame whose nibbles do not complement each other. */
    public record Garbled(int length, String why) implements Decoded {
    }

    /** Not a keypad frame (a 26- or 34-bit card, a glitch): cards are not supported. */
    public record OtherLength(int length) implements Decoded {
    }

    public static Decoded decode(WiegandFrame f) {
        int key;
        if (f.length() == 4) {
            key = (int) (f.bits() & 0xF);
        } else if (f.length() == 8) {
            int high = (int) ((f.bits() >> 4) & 0xF);
            key = (int) (f.bits() & 0xF);
            if ((high ^ key) != 0xF) return new Garbled(8, "bad complement");
        } else {
            return new OtherLength(f.length());
        }
        return key <= HASH ? new Key(key) : new Garbled(f.length(), "no such key");
    }

    /** The 4-bit frame of a key. */
    public static WiegandFrame fourBit(int key) {
        return new WiegandFrame(4, key & 0xF);
    }

    /** The 8-bit frame of a key: complement, then key. */
    public static WiegandFrame eightBit(int key) {
        return new WiegandFrame(8, ((~key & 0xF) << 4) | (key & 0xF));
    }
}
