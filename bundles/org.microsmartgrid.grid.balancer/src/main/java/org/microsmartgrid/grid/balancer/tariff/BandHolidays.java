package org.microsmartgrid.grid.balancer.tariff;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The days the ARERA band definition counts as holidays (all of them F3), as data.
 *
 * <p>ARERA's definition (Delibera 181/06, the F1/F2/F3 bands in force since 2007) does not say "national holidays":
 * it lists them — 1 and 6 January, Easter Monday, 25 April, 1 May, 2 June, 15 August, 1 November, 8, 25 and 26
 * December. A holiday created by a later law is therefore not a band holiday until ARERA adds it: Law 151/2025 made
 * 4 October (Saint Francis) a national holiday from 2026, and we found no ARERA amendment of the band list, so it is
 * not in {@link #ARERA}. In 2026 it falls on a Sunday (F3 anyway); from 2027 it matters, and an installer can add it
 * (or any day a supplier's contract counts) with {@link #withExtra}, should ARERA or the contract say so. See
 * docs/balancing.md.
 *
 * @param everyYear fixed dates that are holidays every year
 * @param oneDays   single dates (a given year only)
 */
public record BandHolidays(Set<MonthDay> everyYear, Set<LocalDate> oneDays) {

    /** ARERA's list (Delibera 181/06); Easter Monday is computed. */
    public static final BandHolidays ARERA = new BandHolidays(Set.of(
            MonthDay.of(1, 1), MonthDay.of(1, 6), MonthDay.of(4, 25), MonthDay.of(5, 1), MonthDay.of(6, 2),
            MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(12, 8), MonthDay.of(12, 25), MonthDay.of(12, 26)),
            Set.of());

    public BandHolidays {
        everyYear = Set.copyOf(everyYear);
        oneDays = Set.copyOf(oneDays);
    }

    public boolean isHoliday(LocalDate day) {
        return everyYear.contains(MonthDay.from(day)) || oneDays.contains(day)
                || day.equals(ItalianTariffCalendar.easterSunday(day.getYear()).plusDays(1));
    }

    /**
     * These holidays plus the configured ones: {@code MM-DD} (every year) or {@code YYYY-MM-DD} (that day only).
     *
     * @throws IllegalArgumentException naming every entry that is neither
     */
    public BandHolidays withExtra(String[] entries) {
        if (entries == null || entries.length == 0) return this;
        Set<MonthDay> years = new TreeSet<>(everyYear);
        Set<LocalDate> days = new TreeSet<>(oneDays);
        List<String> problems = new ArrayList<>();
        for (String raw : entries) {
            String e = raw == null ? "" : raw.strip();
            if (e.isEmpty()) continue; // an emptied field in a form
            try {
                if (e.matches("\\d{2}-\\d{2}")) years.add(MonthDay.parse("--" + e));
                else if (e.matches("\\d{4}-\\d{2}-\\d{2}")) days.add(LocalDate.parse(e));
                else problems.add("'" + e + "' is neither MM-DD (every year) nor YYYY-MM-DD (one day)");
            } catch (DateTimeException bad) {
                problems.add("'" + e + "' is not a date of the calendar");
            }
        }
        if (!problems.isEmpty())
            throw new IllegalArgumentException("extra.holidays: " + String.join("; ", problems)
                    + " / festività aggiuntive non valide");
        return new BandHolidays(years, days);
    }
}
