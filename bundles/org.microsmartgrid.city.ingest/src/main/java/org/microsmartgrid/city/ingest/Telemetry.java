package org.microsmartgrid.city.ingest;

import java.util.Map;

/**
 * One accepted module message, as {@link TelemetryObserver}s see it.
 *
 * @param account    the module's account
 * @param clientId   the module's client id
 * @param resource   {@code site}, {@code sockets/{n}}, {@code events/availability}, {@code sessions} (data, see
 *                   docs/cloud-telemetry.md), or {@code MQTT/BIRTH}, {@code MQTT/APPS}, {@code MQTT/DC},
 *                   {@code MQTT/LWT} (lifecycle; a lost connection is told as {@code MQTT/LWT})
 * @param capturedAt the payload's capture time (our clock's arrival time for an LWT), epoch ms
 * @param receivedAt when the city received it, epoch ms
 * @param metrics    the payload's metrics (unmodifiable)
 * @param newest     the registry took it as its newest news (false: older than what it held, or a repeat)
 */
public record Telemetry(String account, String clientId, String resource, long capturedAt, long receivedAt,
                        Map<String, Object> metrics, boolean newest) {

    public Telemetry {
        metrics = Map.copyOf(metrics);
    }
}
