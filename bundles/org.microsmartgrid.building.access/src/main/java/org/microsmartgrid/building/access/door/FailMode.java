package org.microsmartgrid.building.access.door;

/**
 * What the door's lock does without power: the hardware's property, written in each door's configuration so that the
 * installer states it and the manager can read it (status, CoAP, journal). The module drives both the same way (strike
 * energised = released, only for the open time) and de-energises at stop; what a power cut does is this choice.
 */
public enum FailMode {
    /** locked without power (a typical strike or parcel locker): a dead module keeps the door shut; people inside
     *  leave by the handle or the exit button, never through the module */
    FAIL_SECURE,
    /** unlocked without power (a magnetic lock on an escape route): a dead module frees the door */
    FAIL_SAFE
}
