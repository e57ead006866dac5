/**
 * Problems a part of the module knows about and the OSGi runtime does not (a configuration change it refused and
 * undid, a thread that died), so that {@code /status} and a watchdog see them. Only JDK types.
 */
@Export
@Version("1.0.0")
package org.microsmartgrid.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
