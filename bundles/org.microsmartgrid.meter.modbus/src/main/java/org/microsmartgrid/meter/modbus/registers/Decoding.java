package org.microsmartgrid.meter.modbus.registers;

/** Turns raw 16-bit words into numbers. Pure functions. */
public final class Decoding {
    private Decoding() {
    }

    /**
     * The value of {@code type} held in {@code words[offset..]}, before scaling. FLOAT32 may return NaN or an
     * infinity when the device sends one: plausibility checks decide what that means.
     */
    public static double decode(RegisterType type, WordOrder order, int[] words, int offset) {
        return switch (type) {
            case INT16 -> (short) words[offset];
            case UINT16 -> words[offset] & 0xFFFF;
            case INT32 -> join(order, words, offset);
            case UINT32 -> join(order, words, offset) & 0xFFFF_FFFFL;
            case FLOAT32 -> Float.intBitsToFloat(join(order, words, offset));
        };
    }

    /** The 32 bits of two registers, high word first after applying the word order. */
    public static int join(WordOrder order, int[] words, int offset) {
        int first = words[offset] & 0xFFFF;
        int second = words[offset + 1] & 0xFFFF;
        return order == WordOrder.BIG_ENDIAN ? (first << 16) | second : (second << 16) | first;
    }
}
