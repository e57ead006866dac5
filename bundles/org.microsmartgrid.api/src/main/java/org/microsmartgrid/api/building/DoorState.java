package org.microsmartgrid.api.building;

/**
 * A door as the building manager sees it.
 *
 * @param failMode     FAIL_SECURE (locked without power) or FAIL_SAFE (unlocked without power): the door's hardware,
 *                     documented per door
 * @param released     the strike (or locker latch) is energised now
 * @param contact      OPEN, CLOSED or NONE (no contact wired)
 * @param leftOpen     the door-left-open alarm is raised
 */
public record DoorState(String id, String name, String failMode, boolean released, String contact,
                        boolean leftOpen) {
}
