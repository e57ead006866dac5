/**
 * Building services on the module: doors opened with one-time codes (couriers, personal-safety interventions) and
 * the security inputs' alarms. docs/building-access.md. 1.1.0: live codes and revoking one.
 * 1.2.0: a door kept off the city's public page ({@link org.microsmartgrid.api.building.DoorState#publicPage()}).
 */
@Export
@Version("1.2.0")
package org.microsmartgrid.api.building;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
