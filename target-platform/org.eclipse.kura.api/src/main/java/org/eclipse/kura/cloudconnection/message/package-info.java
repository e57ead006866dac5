/** Stand-in for Kura 5.5.0's org.eclipse.kura.cloudconnection.message (exported at 1.0.0 there). */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.eclipse.kura.cloudconnection.message;
