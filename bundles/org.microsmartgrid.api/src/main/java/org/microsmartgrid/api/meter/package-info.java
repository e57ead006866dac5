/** Meters: what a Modbus (or any) energy meter tells the rest of the module. */
@Export
@Version("1.1.0")
package org.microsmartgrid.api.meter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
