package org.microsmartgrid.grid.balancer.tariff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The ARERA band calendar, in Italian local time (Europe/Rome, so daylight saving is followed):
 * F1 Mon–Fri 08–19; F2 Mon–Fri 07–08 and 19–23, Sat 07–23; F3 Mon–Sat 23–07, all Sunday and national holidays.
 * Pure functions, no state.
 */
public final class ItalianTariffCalendar {

    public static final ZoneId ROME = ZoneId.of("Europe/Rome");

    /** Fixed-date national holidays; Easter Monday moves and is computed. */
    private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(
            MonthDay.of(1, 1), MonthDay.of(1, 6), MonthDay.of(4, 25), MonthDay.of(5, 1), MonthDay.of(6, 2),
            MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(12, 8), MonthDay.of(12, 25), MonthDay.of(12, 26));

    /** The local hours at which a band can change (midnight: the day type can change). */
    private static final int[] CHANGE_HOURS = {0, 7, 8, 19, 23};

    private ItalianTariffCalendar() {
    }

    public static TariffBand band(Instant t) {
        return band(LocalDateTime.ofInstant(t, ROME));
    }

    public static TariffBand band(LocalDateTime local) {
        LocalDate day = local.toLocalDate();
        DayOfWeek dow = day.getDayOfWeek();
        if (dow == DayOfWeek.SUNDAY || isNationalHoliday(day)) return TariffBand.F3;
        int h = local.getHour();
        if (h < 7 || h >= 23) return TariffBand.F3;
        if (dow == DayOfWeek.SATURDAY) return TariffBand.F2;
        return h >= 8 && h < 19 ? TariffBand.F1 : TariffBand.F2;
    }

    public static boolean isNationalHoliday(LocalDate day) {
        return FIXED_HOLIDAYS.contains(MonthDay.from(day)) || day.equals(easterSunday(day.getYear()).plusDays(1));
    }

    /** Easter Sunday of the Gregorian calendar (anonymous Gregorian computus, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    /** The first instant after t at which the band may change (bands are constant in between). */
    public static Instant nextPossibleChange(Instant t) {
        ZonedDateTime local = t.atZone(ROME);
        LocalDate day = local.toLocalDate();
        for (int hour : CHANGE_HOURS) {
            ZonedDateTime candidate = ZonedDateTime.of(day, LocalTime.of(hour, 0), ROME);
            if (candidate.toInstant().isAfter(t)) return candidate.toInstant();
        }
        return day.plusDays(1).atStartOfDay(ROME).toInstant();
    }
}
