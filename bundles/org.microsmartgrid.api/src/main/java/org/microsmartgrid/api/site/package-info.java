/**
 * One view of the site per control cycle: the meters' readings, the relays' states, the loop's decision, the open
 * sessions and what people asked of the site, as the loop saw them in one cycle. Every reader (the status page,
 * CoAP, telemetry, the building's page, the console, Kapua's assets) shows this view, so two of them never disagree
 * on what "now" was, and none gathers the site on its own. Only JDK and API types.
 */
@Export
@Version("1.0.0")
package org.microsmartgrid.api.site;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
