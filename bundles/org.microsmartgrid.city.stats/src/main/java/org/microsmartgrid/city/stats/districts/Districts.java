package org.microsmartgrid.city.stats.districts;

import java.util.List;

/**
 * The city's districts as configured (docs/statistics.md "Municipi"): a point belongs to the first district whose
 * boundary contains it, or to {@link #OTHER}. Immutable: a new file gives a new instance.
 */
public final class Districts {

    /** Where a point outside every configured district is counted (and every point when none is configured). */
    public static final String OTHER = "altro / other";
    /** Sessions stored before districts existed (schema V4): their district was never computed. */
    public static final String UNASSIGNED = "non assegnato / unassigned";

    private static final Districts NONE = new Districts(List.of());

    private final List<District> districts;

    public Districts(List<District> districts) {
        this.districts = List.copyOf(districts);
    }

    public static Districts none() {
        return NONE;
    }

    public String of(double lat, double lon) {
        for (District d : districts) if (d.contains(lat, lon)) return d.name();
        return OTHER;
    }

    public List<String> names() {
        return districts.stream().map(District::name).toList();
    }
}
