package org.microsmartgrid.building.access.keypad;

/**
 * The bits of one Wiegand frame, first bit most significant. Only the last 64 bits are kept (a keypad's frames have 4
 * or 8): a noisy line that never pauses grows {@code length}, never memory.
 */
public record WiegandFrame(int length, long bits) {
    public static final WiegandFrame EMPTY = new WiegandFrame(0, 0);

    public WiegandFrame append(boolean one) {
        return new WiegandFrame(length == Integer.MAX_VALUE ? length : length + 1, (bits << 1) | (one ? 1 : 0));
    }

    /** A frame of the given bits, written as '0' and '1' (tests, the simulator). */
    public static WiegandFrame of(String zerosAndOnes) {
        WiegandFrame f = EMPTY;
        for (char c : zerosAndOnes.toCharArray()) f = f.append(c == '1');
        return f;
    }
}
