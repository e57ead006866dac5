package org.microsmartgrid.city.doors;

/**
 * A door as the public sees it: its id (what a code is for) and the label its installer gave it. Nothing else about
 * a door ever leaves the module: no codes, no journal, no state.
 */
public record PublicDoor(String id, String label) {
}
