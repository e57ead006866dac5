/** DEPLOY-V2, read-only: the module's bundles and its one deployment package, as Kapua's console lists them. */
package org.microsmartgrid.cloud.management.deploy;
