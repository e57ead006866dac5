/** Writes configuration changes back into FileInstall's files, so they survive a restart. */
package org.microsmartgrid.cloud.management.files;
