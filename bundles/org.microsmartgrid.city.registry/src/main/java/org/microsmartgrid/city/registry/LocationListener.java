package org.microsmartgrid.city.registry;

/**
 * Whiteboard: told after a location changed in the registry (a module's BIRTH, a socket's status, the module going
 * offline), with the location as stored now. Used to keep in-memory views (the search index) current. Called on the
 * writer's thread: return quickly.
 */
@FunctionalInterface
public interface LocationListener {
    void changed(Location location);
}
