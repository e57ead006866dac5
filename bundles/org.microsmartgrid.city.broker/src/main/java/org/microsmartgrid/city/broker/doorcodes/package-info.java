/**
 * The city asking a module to issue a one-time courier code (CITY-V1 EXEC door-code, docs/cloud-management.md) for
 * the owner of the module's point on "Persone ed energia / People and power": the module's door service issues it
 * under its own rules; the city carries the request and the answer, and keeps nothing. 1.1.0: {@link
 * org.microsmartgrid.city.broker.doorcodes.ModuleDoorList}, the doors the owner picks from. 1.2.0: requests over any
 * {@link org.microsmartgrid.city.broker.transport.ModuleTransport} (Kapua's device requests in Kapua mode).
 */
@Export
@Version("1.2.0")
package org.microsmartgrid.city.broker.doorcodes;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
