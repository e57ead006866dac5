/** The Felix Web Console's configuration forms ask the components' checks before anything is stored. */
package org.microsmartgrid.cloud.management.console;
