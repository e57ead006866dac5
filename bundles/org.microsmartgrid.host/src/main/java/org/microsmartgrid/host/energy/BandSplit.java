package org.microsmartgrid.host.energy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.api.tariff.TariffCalendar;

/**
 * Splits the energy a counter advanced by between two readings over the Italian days and ARERA bands the interval
 * covers, in proportion to time (the counter says how much, not when within the interval). Readings come every few
 * seconds, so the proportion only matters for the reading that straddles a band change or midnight, and for the
 * first reading after the module was off: then the energy of the whole pause is spread evenly over it. The pieces
 * always add up to the step exactly. Pure.
 */
public final class BandSplit {
    public static final ZoneId ROME = ZoneId.of("Europe/Rome");

    /** One part of a step: energy of one Italian day in one band. */
    public record Piece(LocalDate day, TariffBand band, double wh) {
    }

    private BandSplit() {
    }

    /**
     * @param from     the previous reading's time
     * @param to       this reading's time (after {@code from})
     * @param wh       the counter's step, Wh (≥ 0)
     * @param calendar the ARERA bands
     */
    public static List<Piece> split(Instant from, Instant to, double wh, TariffCalendar calendar) {
        if (!to.isAfter(from)) return List.of(new Piece(day(to), calendar.band(to), wh));
        double total = Duration.between(from, to).toNanos();
        List<Piece> pieces = new ArrayList<>();
        double given = 0;
        Instant t = from;
        while (t.isBefore(to)) {
            Instant end = earliest(to, calendar.nextPossibleChange(t), nextMidnight(t));
            double part = end.equals(to) ? wh - given : wh * (Duration.between(t, end).toNanos() / total);
            given += part;
            add(pieces, new Piece(day(t), calendar.band(t), part));
            t = end;
        }
        return pieces;
    }

    public static LocalDate day(Instant t) {
        return t.atZone(ROME).toLocalDate();
    }

    /** Merges consecutive pieces of the same day and band (a calendar may announce changes that are not). */
    private static void add(List<Piece> pieces, Piece p) {
        if (!pieces.isEmpty()) {
            Piece last = pieces.get(pieces.size() - 1);
            if (last.day().equals(p.day()) && last.band() == p.band()) {
                pieces.set(pieces.size() - 1, new Piece(p.day(), p.band(), last.wh() + p.wh()));
                return;
            }
        }
        pieces.add(p);
    }

    /** The next Italian midnight: 23, 24 or 25 hours after the last one, whatever the clocks do. */
    static Instant nextMidnight(Instant t) {
        return day(t).plusDays(1).atStartOfDay(ROME).toInstant();
    }

    private static Instant earliest(Instant a, Instant b, Instant c) {
        Instant m = a.isBefore(b) ? a : b;
        return m.isBefore(c) ? m : c;
    }
}
