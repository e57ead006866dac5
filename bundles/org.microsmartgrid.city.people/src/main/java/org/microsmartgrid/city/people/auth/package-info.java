/** Who calls, for other bundles of the city runtime (read-only endpoints that serve a role). */
@Export
@Version("1.0.0")
package org.microsmartgrid.city.people.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
