package org.microsmartgrid.api.site;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The site view of the loop's last cycle, published by the balancing loop. Readers show it instead of reading the
 * meters and relays themselves; without a loop (a module being commissioned) there is no such service and a reader
 * reads the services at its own instant.
 */
@ProviderType
public interface LiveSite {

    /** The newest view; empty before the first cycle. */
    Optional<SiteView> current();
}
