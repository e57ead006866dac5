package org.microsmartgrid.api.building;

/**
 * A security input as the building manager sees it.
 *
 * @param type        CONTACT, PIR, TAMPER, SMOKE or FLOOD
 * @param active      the debounced input is active (contact open, motion, tamper, smoke, water)
 * @param alarm       the input's alarm is raised
 * @param alwaysArmed tamper, smoke and flood are never disarmed
 */
public record InputState(String id, String type, boolean active, boolean alarm, boolean alwaysArmed) {
}
