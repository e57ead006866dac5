/**
 * The installer login's parts, pure of HTTP and OSGi: PBKDF2 password hashes, the accounts list, throttling of
 * wrong logins, the short cache of verified passwords, device cookies and the CSRF guard. Exported so that other
 * pages of the module with a login of their own (the building's page, org.microsmartgrid.host) check passwords
 * exactly as the console does instead of copying it.
 */
@Export
@Version("1.0.0")
package org.microsmartgrid.console.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
