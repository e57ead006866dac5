package org.microsmartgrid.city.stats.districts;

import java.util.List;

/** A named district (a Municipio of Milan) and the polygons of its boundary (more than one for a MultiPolygon). */
public record District(String name, List<Polygon> parts) {

    public District {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a district needs a name");
        parts = List.copyOf(parts);
    }

    public boolean contains(double lat, double lon) {
        for (Polygon p : parts) if (p.contains(lat, lon)) return true;
        return false;
    }
}
