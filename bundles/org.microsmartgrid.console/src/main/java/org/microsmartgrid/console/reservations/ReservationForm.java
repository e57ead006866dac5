package org.microsmartgrid.console.reservations;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * The "reserve a socket" form, checked for shape only: a whole socket number, two local times (the page's
 * {@code datetime-local} fields, in the module's time zone) and a holder. The window's rules (overlaps, length, how
 * far ahead) are the loop's ({@code ReservationBook}); its refusal is shown as it comes.
 */
record ReservationForm(int socket, Instant from, Instant until, String holder) {
    static final int MAX_HOLDER = 80;

    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    static ReservationForm parse(Map<String, String[]> params, ZoneId zone) throws Invalid {
        String socketText = one(params, "socket");
        int socket;
        try {
            socket = Integer.parseInt(socketText == null ? "" : socketText.strip());
            if (socket < 1 || socket > 64) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new Invalid("Presa: un numero intero 1..64 / socket: a whole number 1..64");
        }
        Instant from = time(params, "from", "Inizio / start", zone);
        Instant until = time(params, "until", "Fine / end", zone);
        String holder = one(params, "holder");
        if (holder == null || holder.isBlank())
            throw new Invalid("Titolare obbligatorio (es. token:1a2b3c4d) / holder required (e.g. token:1a2b3c4d)");
        holder = holder.strip();
        if (holder.length() > MAX_HOLDER || holder.chars().anyMatch(Character::isISOControl))
            throw new Invalid("Titolare non valido (max " + MAX_HOLDER + " caratteri) / holder invalid (at most "
                    + MAX_HOLDER + " characters)");
        return new ReservationForm(socket, from, until, holder);
    }

    private static Instant time(Map<String, String[]> params, String name, String label, ZoneId zone) throws Invalid {
        String v = one(params, name);
        try {
            // a local time that a DST change skips is moved forward, as the clock on the wall does
            return LocalDateTime.parse(v == null ? "" : v.strip()).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new Invalid(label + ": data e ora come 2026-12-07T18:00 / date and time such as 2026-12-07T18:00");
        }
    }

    static String one(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 ? null : v[0];
    }
}
