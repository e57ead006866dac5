package org.microsmartgrid.api.cloud;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The fault reports the city told this module about (request CITY-V1, docs/cloud-management.md): drivers' reports on
 * its point, each also queued as the module's event {@code msg/events/fault}. Registered by the cloud link; read by
 * /status. Never who reported it nor the driver's text: the city keeps those.
 */
@ProviderType
public interface CityFaultReports {

    /** One report: the city's id, its kind (NO_POWER, DAMAGED, BLOCKED, UNSAFE, OTHER), when the driver made it. */
    record Report(String faultId, String kind, Instant reported) {
    }

    /** The latest reports since the module started, newest first (a few: the cloud keeps the history). */
    List<Report> recent();
}
