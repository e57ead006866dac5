package org.microsmartgrid.api.building;

/**
 * A door as the building manager sees it.
 *
 * @param failMode     FAIL_SECURE (locked without power) or FAIL_SAFE (unlocked without power): the door's hardware,
 *                     documented per door
 * @param released     the strike (or locker latch) is energised now
 * @param contact      OPEN, CLOSED or NONE (no contact wired)
 * @param leftOpen     the door-left-open alarm is raised
 * @param publicPage   the door is on the city's public "Sono alla porta / I am at the door" page (its
 *                     {@code public.page} setting); a door kept off it is known only to the point's owner
 */
public record DoorState(String id, String name, String failMode, boolean released, String contact,
                        boolean leftOpen, boolean publicPage) {

    /** A door on the public page (the default of {@code public.page}). */
    public DoorState(String id, String name, String failMode, boolean released, String contact, boolean leftOpen) {
        this(id, name, failMode, released, contact, leftOpen, true);
    }
}
