package org.microsmartgrid.city.people.driver;

import org.microsmartgrid.city.people.web.ApiError;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.Registry;

/** Drivers act only on points the public can see (in the registry, with a position). */
public final class Points {

    private final Registry registry;

    public Points(Registry registry) {
        this.registry = registry;
    }

    public Location publicPoint(String id) {
        return registry.location(id).filter(Location::located)
                .orElseThrow(() -> ApiError.notFound("nessun punto / no such point"));
    }
}
