/**
 * A component's own judgement of a configuration, published as a service so that whoever writes configurations
 * (CONF-V1, the configuration files' write-back, the web console's guard) asks the component before writing
 * instead of repeating its rules. One mechanism: the component runs the same check when it activates.
 */
@Export
@Version("1.1.0")
package org.microsmartgrid.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
