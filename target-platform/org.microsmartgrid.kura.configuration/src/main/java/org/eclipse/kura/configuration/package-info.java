/**
 * The one type of Eclipse Kura's configuration package that our components need, at the package version Kura's
 * API bundle exports (1.2.0), so the same bundles resolve on plain Felix and on a Kura gateway.
 */
@Export
@Version("1.2.0")
package org.eclipse.kura.configuration;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
