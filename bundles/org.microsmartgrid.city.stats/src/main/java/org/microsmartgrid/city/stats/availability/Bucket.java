package org.microsmartgrid.city.stats.availability;

/** What a socket's time is counted as (docs/statistics.md, "Disponibilità"). */
public enum Bucket {
    /** AVAILABLE: free for the public. */
    FREE,
    /** CHARGING: in use. */
    CHARGING,
    /** OUTOFORDER or INOPERATIVE: cannot be used. */
    OUT_OF_ORDER,
    /** the module was offline, or silent longer than the largest gap: nobody knows. */
    OFFLINE;

    /** @param ocpiStatus the status as the module sends it */
    public static Bucket of(String ocpiStatus) {
        return switch (ocpiStatus == null ? "" : ocpiStatus) {
            case "AVAILABLE" -> FREE;
            case "CHARGING" -> CHARGING;
            case "OUTOFORDER", "INOPERATIVE" -> OUT_OF_ORDER;
            default -> OFFLINE; // UNKNOWN (no relay) or anything new: not usable, not known
        };
    }
}
