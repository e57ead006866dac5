package org.microsmartgrid.city.ingest;

/**
 * Whiteboard: told of every module message the ingest accepted, after the registry stored it (after the batch's
 * commit), on the ingest's thread, in arrival order. For views that aggregate the stream as it arrives (the city's
 * statistics) instead of rescanning history. Not told: unknown topics, malformed payloads, refused capture times,
 * duplicates by {@code msg.id}. A message the registry found older than what it holds ({@link Telemetry#newest}
 * false) is still told: a replay from a module's outbox is late news, not wrong news. Return quickly; an exception is
 * logged and does not stop the ingest.
 */
@FunctionalInterface
public interface TelemetryObserver {
    void observed(Telemetry message);
}
