package org.microsmartgrid.city.api;

import java.time.Instant;

final class Times {
    private Times() {
    }

    /** ISO 8601 UTC, as OCPI writes times. */
    static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
