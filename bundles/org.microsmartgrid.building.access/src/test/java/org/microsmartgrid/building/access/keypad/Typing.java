package org.microsmartgrid.building.access.keypad;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pure chain a keypad runs (bits → frames → keys → entries), fed a timed list of bits; what it submits. */
final class Typing {
    static final long MS = 1_000_000;
    static final long GAP = 25 * MS;
    static final long TIMEOUT = 10_000 * MS;

    record Bit(boolean one, long nanos) {
    }

    private final List<Bit> bits = new ArrayList<>();
    private long now = 1_000 * MS;

    /** A frame's bits 1 ms apart (a keypad sends one every 1-2 ms), then a pause of {@code pauseMs}. */
    Typing frame(WiegandFrame f, long pauseMs) {
        for (int i = f.length() - 1; i >= 0; i--) {
            boolean one = i < 64 && ((f.bits() >> i) & 1) == 1;
            bits.add(new Bit(one, now));
            now += MS;
        }
        now += pauseMs * MS;
        return this;
    }

    Typing key(int key, boolean eightBit, long pauseMs) {
        return frame(eightBit ? KeyFrames.eightBit(key) : KeyFrames.fourBit(key), pauseMs);
    }

    /** Runs the chain; the last frame is flushed as the keypad's timer would. */
    List<String> submitted() {
        List<String> out = new ArrayList<>();
        FrameAssembly frames = FrameAssembly.IDLE;
        KeyEntry entry = KeyEntry.EMPTY;
        for (Bit b : bits) {
            FrameAssembly.Step s = FrameAssembly.bit(frames, b.one(), b.nanos(), GAP);
            frames = s.next();
            entry = key(s.closed(), entry, out);
        }
        FrameAssembly.Step last = FrameAssembly.flush(frames, now + GAP, GAP);
        key(last.closed(), entry, out);
        return out;
    }

    private static KeyEntry key(Optional<FrameAssembly.Closed> frame, KeyEntry entry, List<String> out) {
        if (frame.isEmpty() || !(KeyFrames.decode(frame.get().frame()) instanceof KeyFrames.Key k)) return entry;
        KeyEntry.Step s = KeyEntry.press(entry, k.value(), frame.get().lastBit(), TIMEOUT);
        s.submit().ifPresent(out::add);
        return s.next();
    }
}
