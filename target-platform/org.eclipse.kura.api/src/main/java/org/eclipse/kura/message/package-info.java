/** Stand-in for Kura 5.5.0's org.eclipse.kura.message (exported at 1.5.0 there): the payload types we use. */
@org.osgi.annotation.versioning.Version("1.5.0")
package org.eclipse.kura.message;
