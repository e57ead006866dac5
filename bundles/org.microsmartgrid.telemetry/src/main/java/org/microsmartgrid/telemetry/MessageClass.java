package org.microsmartgrid.telemetry;

/**
 * What a message is, for the outbox's drop policy when it is full: telemetry goes first (the next sample replaces
 * it), then events, then session records last (they are billing data; dropping one is logged as an error).
 */
public enum MessageClass {
    TELEMETRY,
    EVENT,
    SESSION
}
