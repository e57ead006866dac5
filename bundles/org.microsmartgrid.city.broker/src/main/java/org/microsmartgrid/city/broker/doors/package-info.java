/**
 * The city asking a module to try a door code (CITY-V1 EXEC door, docs/cloud-management.md), for the public "Sono
 * alla porta / I am at the door" page: the module decides, the city only carries the code and the answer.
 */
@Export
@Version("1.1.0")
package org.microsmartgrid.city.broker.doors;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
