package org.microsmartgrid.api.control;

/** Who is served first when there is not enough power for everyone. Declared from the highest class down. */
public enum PriorityClass {
    /** Mobility aids for disabled people: never left uncharged behind a scooter. */
    MOBILITY_AID,
    /** Shared fleets (bike or scooter sharing) whose vehicles serve many people. */
    SHARED_FLEET,
    /** Public charging points. */
    PUBLIC,
    /** The owner's own sockets. */
    PRIVATE;

    public boolean above(PriorityClass other) {
        return ordinal() < other.ordinal();
    }
}
