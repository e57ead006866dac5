package org.microsmartgrid.grid.balancer.prices;

/**
 * Where the hourly prices come from, in {@code org.microsmartgrid.grid.balancer.Prices.config}. A plain component
 * property type without metatype, like the tariff calendar: the balancer runs without it (ARERA bands only).
 * Exactly one of {@code price.file} and {@code price.url}.
 */
public @interface PricesConfig {

    String PID = "org.microsmartgrid.grid.balancer.Prices";

    /** A CSV file of {@code <hour start>,<€/MWh>} lines (see docs/battery.md); re-read when it changes. */
    String price_file() default "";

    /** An http(s) URL serving the same CSV, fetched every {@code poll.minutes}. */
    String price_url() default "";

    /** How often the file is checked or the URL fetched, minutes (1..1440). */
    int poll_minutes() default 60;

    /** A fetch that takes longer is abandoned, seconds (1..60). */
    int timeout_s() default 10;

    /** A larger file or reply is refused unread, KiB (1..4096); a month of hours is about 30 KiB. */
    int max_kib() default 256;
}
