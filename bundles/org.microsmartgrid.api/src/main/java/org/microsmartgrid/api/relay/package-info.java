/** Relays: the socket contactors the module switches, with their read-back state. */
@Export
@Version("1.0.0")
package org.microsmartgrid.api.relay;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
