/**
 * The GPIO chip's pins for bundles other than the relays (doors, security inputs): one owner per pin across the whole
 * module, so a door strike can never be wired to a socket relay's pin, and no second Pi4J context is needed.
 */
@Export
@Version("1.1.0")
package org.microsmartgrid.api.gpio;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
