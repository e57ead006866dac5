/** What the public API tells other bundles of the city runtime (the statistics), never who asked. */
@Export
@Version("1.0.0")
package org.microsmartgrid.city.api.observe;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
