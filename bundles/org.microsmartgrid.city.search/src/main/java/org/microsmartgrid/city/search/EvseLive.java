package org.microsmartgrid.city.search;

import java.time.Instant;

/**
 * The live status of one EVSE as the search last saw it.
 *
 * @param uid         OCPI EVSE uid
 * @param status      OCPI status; {@link EvseStatus#UNKNOWN} until something reported one
 * @param lastUpdated when the status was captured (the module's timestamp), or null if never reported
 */
public record EvseLive(String uid, EvseStatus status, Instant lastUpdated) {
}
