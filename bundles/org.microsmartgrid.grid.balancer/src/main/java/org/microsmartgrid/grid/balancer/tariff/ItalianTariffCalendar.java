package org.microsmartgrid.grid.balancer.tariff;

import org.microsmartgrid.api.tariff.TariffBand;
import org.microsmartgrid.api.tariff.TariffCalendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The ARERA band calendar, in Italian local time (Europe/Rome, so daylight saving is followed):
 * F1 Mon–Fri 08–19; F2 Mon–Fri 07–08 and 19–23, Sat 07–23; F3 Mon–Sat 23–07, all Sunday and the holidays of
 * {@link BandHolidays}. Immutable; pure functions of time.
 */
public final class ItalianTariffCalendar implements TariffCalendar {

    public static final ZoneId ROME = ZoneId.of("Europe/Rome");

    /** ARERA's own holiday list, nothing added. */
    public static final ItalianTariffCalendar ARERA = new ItalianTariffCalendar(BandHolidays.ARERA);

    /** The local hours at which a band can change (midnight: the day type can change). */
    private static final int[] CHANGE_HOURS = {0, 7, 8, 19, 23};

    private final BandHolidays holidays;

    public ItalianTariffCalendar(BandHolidays holidays) {
        this.holidays = holidays;
    }

    public BandHolidays holidays() {
        return holidays;
    }

    @Override
    public TariffBand band(Instant t) {
        return band(LocalDateTime.ofInstant(t, ROME));
    }

    public TariffBand band(LocalDateTime local) {
        LocalDate day = local.toLocalDate();
        DayOfWeek dow = day.getDayOfWeek();
        if (dow == DayOfWeek.SUNDAY || isHoliday(day)) return TariffBand.F3;
        int h = local.getHour();
        if (h < 7 || h >= 23) return TariffBand.F3;
        if (dow == DayOfWeek.SATURDAY) return TariffBand.F2;
        return h >= 8 && h < 19 ? TariffBand.F1 : TariffBand.F2;
    }

    @Override
    public boolean isHoliday(LocalDate day) {
        return holidays.isHoliday(day);
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

    @Override
    public Instant nextPossibleChange(Instant t) {
        ZonedDateTime local = t.atZone(ROME);
        LocalDate day = local.toLocalDate();
        for (int hour : CHANGE_HOURS) {
            ZonedDateTime candidate = ZonedDateTime.of(day, LocalTime.of(hour, 0), ROME);
            if (candidate.toInstant().isAfter(t)) return candidate.toInstant();
        }
        return day.plusDays(1).atStartOfDay(ROME).toInstant();
    }
}
