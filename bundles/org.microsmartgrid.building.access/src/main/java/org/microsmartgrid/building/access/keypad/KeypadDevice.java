package org.microsmartgrid.building.access.keypad;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Wiegand keypad: edges of D0 and D1 into bits, frames, keys and entries. The chip's event thread only
 * records a bit; frames end, entries expire and codes are tried on the keypad's own thread, so a slow journal write
 * never holds up the GPIO events. Never logs a digit.
 */
public final class KeypadDevice implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KeypadDevice.class);

    private volatile KeypadSettings settings;
    private final BiConsumer<String, String> submit;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService thread;
    private FrameAssembly frames = FrameAssembly.IDLE;
    private KeyEntry entry = KeyEntry.EMPTY;
    private boolean flushPending;
    private boolean expiryPending;
    /** Frames ignored since the last key: the first is logged, the rest counted (a noisy line must not flood). */
    private int ignored;

    /**
     * @param submit tries an entry's digits (second) at the door (first); called on the keypad's thread
     * @param nanoClock {@link System#nanoTime()}, the clock of the edges' times
     */
    public KeypadDevice(KeypadSettings settings, BiConsumer<String, String> submit, LongSupplier nanoClock) {
        this.settings = settings;
        this.submit = submit;
        this.nanoClock = nanoClock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msg-keypad-" + settings.doorId());
            t.setDaemon(true);
            return t;
        });
    }

    public KeypadSettings settings() {
        return settings;
    }

    /** New door or timing on the same pins; what was being typed is dropped. */
    public synchronized void update(KeypadSettings next) {
        settings = next;
        entry = KeyEntry.EMPTY;
    }

    /**
     * An edge of a data line. Wiegand lines idle HIGH and pulse LOW: the pulse's start (the line going active) is the
     * bit, 0 on D0, 1 on D1.
     */
    public synchronized void edge(boolean one, boolean active, long nanos) {
        if (!active) return;
        FrameAssembly.Step s = FrameAssembly.bit(frames, one, nanos, settings.frameGap().toNanos());
        frames = s.next();
        s.closed().ifPresent(this::frame);
        if (!flushPending) {
            flushPending = true;
            schedule(this::flush, settings.frameGap().toNanos());
        }
    }

    /** Ends the open frame once its gap has passed; until then looks again. */
    private synchronized void flush() {
        flushPending = false;
        long now = nanoClock.getAsLong();
        long gap = settings.frameGap().toNanos();
        FrameAssembly.Step s = FrameAssembly.flush(frames, now, gap);
        frames = s.next();
        s.closed().ifPresent(this::frame);
        if (frames.open().length() > 0) {
            flushPending = true;
            schedule(this::flush, Math.max(0, gap - (now - frames.lastBit())));
        }
    }

    private synchronized void expire() {
        expiryPending = false;
        long now = nanoClock.getAsLong();
        long timeout = settings.entryTimeout().toNanos();
        KeyEntry.Step s = KeyEntry.expire(entry, now, timeout);
        entry = s.next();
        if (s.event() != null) report(s.event());
        if (!entry.digits().isEmpty()) {
            expiryPending = true;
            schedule(this::expire, Math.max(0, timeout - (now - entry.lastKey())));
        }
    }

    private void frame(FrameAssembly.Closed closed) {
        String door = settings.doorId();
        KeyFrames.Decoded d = KeyFrames.decode(closed.frame());
        if (!(d instanceof KeyFrames.Key key)) {
            if (ignored++ == 0) {
                if (d instanceof KeyFrames.OtherLength o)
                    log.warn("keypad at {}: frame of {} bits ignored (keys are 4 or 8 bits; cards are not "
                            + "supported)", door, o.length());
                else if (d instanceof KeyFrames.Garbled g)
                    log.warn("keypad at {}: frame of {} bits discarded ({}): a noisy line?", door, g.length(),
                            g.why());
            }
            return;
        }
        if (ignored > 1) log.warn("keypad at {}: {} more frames ignored since", door, ignored - 1);
        ignored = 0;
        KeyEntry.Step s = KeyEntry.press(entry, key.value(), closed.lastBit(), settings.entryTimeout().toNanos());
        entry = s.next();
        report(s.event());
        s.submit().ifPresent(digits -> schedule(() -> submit.accept(door, digits), -1_000_000));
        if (!entry.digits().isEmpty() && !expiryPending) {
            expiryPending = true;
            schedule(this::expire, settings.entryTimeout().toNanos());
        }
    }

    private void report(KeyEntry.Event e) {
        String door = settings.doorId();
        switch (e) {
            case CLEARED -> log.info("keypad at {}: entry cleared ('*')", door);
            case TIMED_OUT -> log.info("keypad at {}: entry cleared after {} s without a key", door,
                    settings.entryTimeout().toSeconds());
            case TOO_LONG -> log.warn("keypad at {}: more than {} digits, entry cleared (a stuck key?)", door,
                    KeyEntry.MAX_DIGITS);
            case NOTHING_TO_SUBMIT -> log.info("keypad at {}: '#' without digits, nothing tried", door);
            default -> {
            }
        }
    }

    private void schedule(Runnable r, long delayNanos) {
        try {
            // a millisecond late, so the gap or timeout has surely passed when the task looks
            thread.schedule(r, delayNanos + 1_000_000, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closed: the keypad is stopping, nothing more is read or tried
        }
    }

    @Override
    public synchronized void close() {
        entry = KeyEntry.EMPTY;
        frames = FrameAssembly.IDLE;
        thread.shutdownNow();
    }
}
