package org.microsmartgrid.building.access.keypad;

import java.util.Optional;

/**
 * Keys into entries: digits accumulate, '#' submits them, '*' clears. A pause longer than the entry timeout clears
 * (the digits were someone else's), and so do more than {@link #MAX_DIGITS} digits (a stuck key or a noisy line must
 * neither fill memory nor become a code).
 *
 * @param digits  typed since the last submit or clear
 * @param lastKey {@link System#nanoTime()} of the last key
 */
public record KeyEntry(String digits, long lastKey) {
    public static final int MAX_DIGITS = 16;
    public static final KeyEntry EMPTY = new KeyEntry("", 0);

    /** What a key did, for the log (never the digits). */
    public enum Event { DIGIT, SUBMITTED, NOTHING_TO_SUBMIT, CLEARED, TIMED_OUT, TOO_LONG }

    /** @param submit the digits to try, when '#' ended an entry */
    public record Step(KeyEntry next, Optional<String> submit, Event event) {
    }

    public static Step press(KeyEntry e, int key, long nanos, long timeoutNanos) {
        boolean stale = !e.digits().isEmpty() && nanos - e.lastKey() > timeoutNanos;
        String digits = stale ? "" : e.digits();
        if (key == KeyFrames.HASH) {
            if (digits.isEmpty())
                return new Step(EMPTY, Optional.empty(), stale ? Event.TIMED_OUT : Event.NOTHING_TO_SUBMIT);
            return new Step(EMPTY, Optional.of(digits), Event.SUBMITTED);
        }
        if (key == KeyFrames.STAR) return new Step(EMPTY, Optional.empty(), Event.CLEARED);
        if (key < 0 || key > 9) throw new IllegalArgumentException("not a key: " + key);
        if (digits.length() >= MAX_DIGITS) return new Step(EMPTY, Optional.empty(), Event.TOO_LONG);
        return new Step(new KeyEntry(digits + (char) ('0' + key), nanos), Optional.empty(),
                stale ? Event.TIMED_OUT : Event.DIGIT);
    }

    /** Clears digits left longer than the timeout (none is kept in memory for the next person to complete). */
    public static Step expire(KeyEntry e, long nanos, long timeoutNanos) {
        if (e.digits().isEmpty() || nanos - e.lastKey() <= timeoutNanos) return new Step(e, Optional.empty(), null);
        return new Step(EMPTY, Optional.empty(), Event.TIMED_OUT);
    }
}
