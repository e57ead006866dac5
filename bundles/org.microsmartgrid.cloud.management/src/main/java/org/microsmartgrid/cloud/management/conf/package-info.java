/** CONF-V1: the module's component configurations from Kapua's Configuration tab, with snapshots and rollback. */
package org.microsmartgrid.cloud.management.conf;
