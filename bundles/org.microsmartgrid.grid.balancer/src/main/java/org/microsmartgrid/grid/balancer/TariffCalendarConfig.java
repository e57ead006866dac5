package org.microsmartgrid.grid.balancer;

/**
 * The tariff calendar's settings, from {@code org.microsmartgrid.grid.balancer.TariffCalendar.config}: which days,
 * besides ARERA's list, count as holidays (all F3). A plain component property type, with no metatype on purpose:
 * a component with a metatype is, for Kura, a ConfigurableComponent that requires its configuration, and the
 * balancer and the charging sessions cannot wait for a file most sites never need (docs/balancing.md §3).
 */
public @interface TariffCalendarConfig {

    String PID = "org.microsmartgrid.grid.balancer.TariffCalendar";

    /**
     * Days counted as holidays besides ARERA's list: {@code MM-DD} for every year ({@code 10-04}) or
     * {@code YYYY-MM-DD} for one day ({@code 2027-10-04}). Empty: ARERA's list only.
     */
    String[] extra_holidays() default {};
}
