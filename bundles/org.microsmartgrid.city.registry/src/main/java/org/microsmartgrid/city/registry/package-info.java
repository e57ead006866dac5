/**
 * The city's registry of charging points, as the rest of the city runtime programs against it: the model of
 * DESIGN.md §9 (OCPI 2.2.1-aligned Location → EVSE → Connector, with our vehicle classes, facilities, opening hours,
 * price and operator type), the writes ingest makes from module messages (each ordered by the message's capture
 * time, so a replayed old message never overwrites a newer status), and the reads the API serves.
 */
@Export
@Version("1.2.0")
package org.microsmartgrid.city.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
