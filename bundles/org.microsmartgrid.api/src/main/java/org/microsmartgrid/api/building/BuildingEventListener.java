package org.microsmartgrid.api.building;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: every access attempt and every alarm change, for telemetry, CoAP observers and the cloud. Called on the
 * building bundle's own thread; a listener must not block (queue and return).
 */
@ConsumerType
public interface BuildingEventListener {
    default void accessAttempt(AccessEvent event) {
    }

    default void alarm(AlarmEvent event) {
    }
}
