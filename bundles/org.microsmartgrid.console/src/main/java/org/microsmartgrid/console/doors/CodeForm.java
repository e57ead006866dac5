package org.microsmartgrid.console.doors;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.microsmartgrid.api.building.DoorAccess.CodeKind;

/**
 * The "issue a code" form, checked: a known door, a kind, whole minutes. The window's upper bounds and the reason's
 * rules are the door service's ({@code IssueRules}); its refusal is shown as it comes.
 *
 * @param reason null when left empty
 */
record CodeForm(String door, CodeKind kind, Instant from, Instant until, String reason) {
    static final int MAX_MINUTES = 7 * 24 * 60;

    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    static CodeForm parse(Map<String, String[]> params, Set<String> doors, Instant now) throws Invalid {
        String door = one(params, "door");
        if (door == null || !doors.contains(door))
            throw new Invalid("Porta sconosciuta / unknown door" + (door == null ? "" : " '" + door + "'"));
        String kindText = one(params, "kind");
        CodeKind kind;
        try {
            kind = CodeKind.valueOf(kindText == null ? "" : kindText.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid("Tipo di codice: corriere o intervento / kind: COURIER or INTERVENTION");
        }
        int startsIn = minutes(params, "starts_in_minutes", 0, 0);
        int minutes = minutes(params, "minutes", null, 1);
        String reason = one(params, "reason");
        Instant from = now.plus(Duration.ofMinutes(startsIn));
        return new CodeForm(door, kind, from, from.plus(Duration.ofMinutes(minutes)),
                reason == null || reason.isBlank() ? null : reason);
    }

    private static int minutes(Map<String, String[]> params, String name, Integer absent, int min) throws Invalid {
        String v = one(params, name);
        if (v == null || v.isBlank()) {
            if (absent != null) return absent;
            throw new Invalid("Minuti mancanti / " + name + " missing");
        }
        try {
            int m = Integer.parseInt(v.strip());
            if (m < min || m > MAX_MINUTES) throw new NumberFormatException();
            return m;
        } catch (NumberFormatException e) {
            throw new Invalid("'" + v + "' non è un numero di minuti valido (" + min + ".." + MAX_MINUTES + ") / "
                    + name + " must be whole minutes, " + min + ".." + MAX_MINUTES);
        }
    }

    private static String one(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 ? null : v[0];
    }
}
