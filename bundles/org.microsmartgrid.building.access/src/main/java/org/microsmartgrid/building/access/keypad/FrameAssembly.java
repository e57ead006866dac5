package org.microsmartgrid.building.access.keypad;

import java.util.Optional;

/**
 * Bits into frames: a frame ends when no bit came for the gap. Times are {@link System#nanoTime()} values, compared by
 * difference (they may wrap).
 *
 * @param open     the frame being received ({@link WiegandFrame#EMPTY} between frames)
 * @param lastBit  when its last bit came
 */
public record FrameAssembly(WiegandFrame open, long lastBit) {
    public static final FrameAssembly IDLE = new FrameAssembly(WiegandFrame.EMPTY, 0);

    /** A complete frame and when its last bit came (the key's time, however late the gap was noticed). */
    public record Closed(WiegandFrame frame, long lastBit) {
    }

    /** @param closed the frame that ended, if any */
    public record Step(FrameAssembly next, Optional<Closed> closed) {
    }

    /** A bit at {@code nanos}: it continues the open frame, or, after a gap, ends it and starts the next. */
    public static Step bit(FrameAssembly a, boolean one, long nanos, long gapNanos) {
        Step flushed = flush(a, nanos, gapNanos);
        FrameAssembly b = flushed.next();
        return new Step(new FrameAssembly(b.open().append(one), nanos), flushed.closed());
    }

    /** The open frame, once the gap has passed since its last bit. */
    public static Step flush(FrameAssembly a, long nanos, long gapNanos) {
        if (a.open().length() == 0 || nanos - a.lastBit() < gapNanos) return new Step(a, Optional.empty());
        return new Step(IDLE, Optional.of(new Closed(a.open(), a.lastBit())));
    }
}
