/**
 * Building services on the module: doors opened with one-time codes (couriers, personal-safety interventions) and
 * the security inputs' alarms. docs/building-access.md. 1.1.0: live codes and revoking one.
 */
@Export
@Version("1.1.0")
package org.microsmartgrid.api.building;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
