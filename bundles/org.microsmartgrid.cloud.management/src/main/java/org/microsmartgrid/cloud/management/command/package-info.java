/** CMD-V1: a fixed list of diagnostic commands for Kapua's Command tab, off unless enabled. */
package org.microsmartgrid.cloud.management.command;
