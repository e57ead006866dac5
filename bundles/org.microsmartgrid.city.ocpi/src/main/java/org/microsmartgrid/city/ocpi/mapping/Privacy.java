package org.microsmartgrid.city.ocpi.mapping;

import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.OperatorType;

/**
 * The public API's privacy rules (city.api's PublicView), applied to OCPI: a private individual's name and address
 * never leave the city. The position is published exactly as the registry stores it, which is as precise as the
 * provider chose.
 */
final class Privacy {

    /** The same words the public API shows instead of a private provider's name. */
    static final String PRIVATE_NAME = "Punto privato / Private point";

    private Privacy() {
    }

    static String name(Location l) {
        return isPrivate(l) ? PRIVATE_NAME : l.name();
    }

    /** OCPI requires an address; a private individual's is withheld (empty), as is one nobody gave. */
    static String address(Location l) {
        return isPrivate(l) || l.address() == null ? "" : l.address();
    }

    private static boolean isPrivate(Location l) {
        return l.operatorType() == OperatorType.PRIVATE_INDIVIDUAL;
    }
}
