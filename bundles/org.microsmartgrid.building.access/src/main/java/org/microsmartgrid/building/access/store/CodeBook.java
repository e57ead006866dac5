package org.microsmartgrid.building.access.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.microsmartgrid.api.building.DoorAccess.CodeKind;
import org.microsmartgrid.building.access.decision.CodeRecord;
import org.microsmartgrid.building.access.decision.Outcome;

/**
 * The issued codes and which were used: rebuilt from the journal at start, kept up to date as lines are written.
 * Codes whose window ended more than {@link #KEEP_AFTER} ago are not compared any more (an old code then reads
 * REFUSED, not EXPIRED): the work per attempt stays bounded by the live codes.
 */
public final class CodeBook {
    public static final Duration KEEP_AFTER = Duration.ofDays(1);

    private final List<CodeRecord> codes = new ArrayList<>();
    private final Set<String> used = new HashSet<>();
    private final Set<String> revoked = new HashSet<>();

    public static CodeBook replay(List<JournalEntry> entries) {
        CodeBook b = new CodeBook();
        for (JournalEntry e : entries) b.apply(e);
        return b;
    }

    public synchronized void apply(JournalEntry e) {
        if (JournalEntry.ISSUED.equals(e.type())) {
            codes.add(new CodeRecord(e.codeId(), e.door(), CodeKind.valueOf(e.kind()), Instant.parse(e.from()),
                    Instant.parse(e.until()), e.salt(), e.hash(), e.detail(), e.issuedBy(), Instant.parse(e.at())));
        } else if (JournalEntry.ATTEMPT.equals(e.type()) && Outcome.GRANTED.name().equals(e.outcome())
                && e.codeId() != null) {
            used.add(e.codeId());
        } else if (JournalEntry.REVOKED.equals(e.type()) && e.codeId() != null) {
            revoked.add(e.codeId());
        }
    }

    /** The door's code this entry matches, among those still worth comparing. */
    public synchronized Optional<CodeRecord> match(String door, String code, Instant now) {
        for (CodeRecord c : codes) {
            if (!c.door().equals(door) || now.isAfter(c.until().plus(KEEP_AFTER))) continue;
            if (CodeHasher.matches(code, c.salt(), c.hash())) return Optional.of(c);
        }
        return Optional.empty();
    }

    public synchronized boolean used(String codeId) {
        return used.contains(codeId);
    }

    public synchronized boolean revoked(String codeId) {
        return revoked.contains(codeId);
    }

    public synchronized int live(Instant now) {
        return liveCodes(now).size();
    }

    /** The codes that may still open: not used, not revoked, window not ended; by door, then start. */
    public synchronized List<CodeRecord> liveCodes(Instant now) {
        return codes.stream().filter(c -> !used.contains(c.id()) && !revoked.contains(c.id())
                        && now.isBefore(c.until()))
                .sorted(java.util.Comparator.comparing(CodeRecord::door).thenComparing(CodeRecord::from)).toList();
    }
}
