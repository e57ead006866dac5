package org.microsmartgrid.building.notify.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.microsmartgrid.api.building.AlarmEvent;

/**
 * One mail per alarm source and type in a quiet time, so that a flapping sensor does not flood the contact; what was
 * held back is told later ({@link #flush}), with how many raises it stood for, and the last word is always the
 * source's present state. Smoke and flood are never held back. Not thread-safe: one caller (the mail thread).
 */
public final class Coalescer {
    private static final Set<String> URGENT = Set.of("SMOKE", "FLOOD");

    private final Duration quiet;
    private final Map<String, Source> sources = new HashMap<>();

    public Coalescer(Duration quiet) {
        this.quiet = quiet;
    }

    /** An alarm's change, to mail now with the raises held back before it, or nothing (held until the quiet time ends). */
    public List<Told> offer(AlarmEvent e, Instant now) {
        Source s = sources.computeIfAbsent(e.source() + "\u0000" + e.type(), k -> new Source());
        if (s.mailedAt == null || URGENT.contains(e.type()) || !now.isBefore(s.mailedAt.plus(quiet))) {
            int repeats = s.held;
            s.mailed(e, now);
            return List.of(new Told(e, repeats));
        }
        if (e.active()) s.held++;
        s.pending = e;
        return List.of();
    }

    /** What was held back and whose quiet time is over: its latest change, when it differs from what was last told. */
    public List<Told> flush(Instant now) {
        List<Told> out = new ArrayList<>();
        for (Source s : sources.values()) {
            if (s.pending == null || now.isBefore(s.mailedAt.plus(quiet))) continue;
            AlarmEvent e = s.pending;
            // the pending raise is one of those held: the mail tells the others
            int repeats = e.active() ? s.held - 1 : s.held;
            if (e.active() != s.lastActive || repeats > 0) out.add(new Told(e, repeats));
            s.mailed(e, now);
        }
        return out;
    }

    /** An alarm change to mail, standing for {@code repeats} more raises held back since the previous mail. */
    public record Told(AlarmEvent event, int repeats) {
    }

    private static final class Source {
        Instant mailedAt;
        boolean lastActive;
        int held;
        AlarmEvent pending;

        void mailed(AlarmEvent e, Instant now) {
            mailedAt = now;
            lastActive = e.active();
            held = 0;
            pending = null;
        }
    }
}
