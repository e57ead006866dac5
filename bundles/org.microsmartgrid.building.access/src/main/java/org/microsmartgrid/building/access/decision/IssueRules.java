package org.microsmartgrid.building.access.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.microsmartgrid.api.building.DoorAccess.CodeKind;

/**
 * What may be issued: a known door, a window that ends in the future and is not longer than the kind allows, and for
 * interventions a reason a person can read later in the audit journal.
 */
public final class IssueRules {
    public static final int REASON_MIN = 5;
    public static final int REASON_MAX = 200;

    private IssueRules() {
    }

    /**
     * @return the reason, stripped (null for a courier code without one)
     * @throws IllegalArgumentException with the problem, Italian then English
     */
    public static String check(Set<String> doors, String door, CodeKind kind, Instant from, Instant until,
                               String reason, Duration courierMax, Duration interventionMax, Instant now) {
        if (door == null || !doors.contains(door))
            throw new IllegalArgumentException("Porta sconosciuta / unknown door '" + door + "' (known: "
                    + String.join(", ", doors.stream().sorted().toList()) + ")");
        if (kind == null) throw new IllegalArgumentException("Tipo di codice mancante / code kind missing "
                + "(COURIER or INTERVENTION)");
        if (from == null || until == null) throw new IllegalArgumentException("Finestra mancante / window missing");
        if (!until.isAfter(from)) throw new IllegalArgumentException("La fine precede l'inizio / the window ends "
                + "before it starts");
        if (!until.isAfter(now)) throw new IllegalArgumentException("La finestra è già finita / the window is over");
        Duration max = kind == CodeKind.COURIER ? courierMax : interventionMax;
        if (Duration.between(from, until).compareTo(max) > 0)
            throw new IllegalArgumentException("Finestra troppo lunga / window too long: at most " + max.toHours()
                    + " h for " + kind);
        String r = reason == null ? "" : reason.strip();
        if (!r.isEmpty() || kind == CodeKind.INTERVENTION) {
            if (r.length() < REASON_MIN || r.length() > REASON_MAX)
                throw new IllegalArgumentException("Motivo obbligatorio di " + REASON_MIN + "-" + REASON_MAX
                        + " caratteri / a reason of " + REASON_MIN + "-" + REASON_MAX + " characters is required"
                        + (kind == CodeKind.INTERVENTION ? " for a personal-safety intervention" : ""));
            if (r.chars().anyMatch(Character::isISOControl))
                throw new IllegalArgumentException("Il motivo contiene caratteri di controllo / the reason contains "
                        + "control characters");
        }
        return r.isEmpty() ? null : r;
    }
}
