package org.microsmartgrid.city.stats.districts;

import java.util.List;

/**
 * What the statistics use now, for /api/v1/stats/districts and the dashboard: the file, the districts read from it,
 * and the last refusal (null when the configured file was read). A refused file leaves the previous districts on.
 *
 * @param file      the configured path ("" when none)
 * @param districts the names in use
 * @param error     why the configured file was not (re)read, or null
 */
public record DistrictsStatus(String file, List<String> districts, String error) {
}
