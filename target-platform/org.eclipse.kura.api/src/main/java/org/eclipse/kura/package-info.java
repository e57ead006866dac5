/** Stand-in for Kura 5.5.0's org.eclipse.kura package (exported at 1.7.0 there): the exception types we use. */
@org.osgi.annotation.versioning.Version("1.7.0")
package org.eclipse.kura;
