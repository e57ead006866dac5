/** ASSET-V1: the module's meters and sockets as Kura assets with channels, for Kapua's Assets tab. */
package org.microsmartgrid.cloud.management.asset;
