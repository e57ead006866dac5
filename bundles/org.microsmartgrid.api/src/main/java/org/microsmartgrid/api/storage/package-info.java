/** Storage: a home battery whose charge and discharge the module sets, with a set-point that expires. */
@Export
@Version("1.0.0")
package org.microsmartgrid.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
