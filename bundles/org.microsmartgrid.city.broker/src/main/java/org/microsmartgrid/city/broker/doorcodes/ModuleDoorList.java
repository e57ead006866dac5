package org.microsmartgrid.city.broker.doorcodes;

import java.util.List;

/**
 * Every door a module told the city (its BIRTH/APPS), those kept off the public "I am at the door" page too: what the
 * owner of the module's point picks from to issue a courier code ({@link ModuleDoorCodes}). Served by the city's door
 * directory (bundle org.microsmartgrid.city.doors); never for the public.
 */
public interface ModuleDoorList {

    /** A door of the module: its id, the label its installer gave it, and whether the public page lists it. */
    record OwnerDoor(String id, String label, boolean publicPage) {
    }

    /** The module's doors in its own order; empty when it has none or has not said BIRTH since the city started. */
    List<OwnerDoor> ownerDoors(String account, String clientId);
}
