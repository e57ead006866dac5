/**
 * The city asking a module to start a charging session for a signed-in driver (CITY-V1 EXEC start,
 * docs/cloud-management.md): the module decides and answers the session id; the city keeps who the driver is.
 */
@Export
@Version("1.1.0")
package org.microsmartgrid.city.broker.charging;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
