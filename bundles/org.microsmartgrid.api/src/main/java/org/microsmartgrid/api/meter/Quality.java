package org.microsmartgrid.api.meter;

/** How far a reading can be trusted. Consumers that control power must treat anything but GOOD as unknown. */
public enum Quality {
    /** Read successfully within the meter's freshness bound. */
    GOOD,
    /** The last good values are older than the freshness bound (the device is slow or retrying). */
    STALE,
    /** The device does not answer, answers with errors, or answers nonsense; no value is to be used. */
    FAILED
}
