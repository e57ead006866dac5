/** Asks the components' published {@code ConfigurationCheck}s before a configuration is stored. */
package org.microsmartgrid.cloud.management.check;
