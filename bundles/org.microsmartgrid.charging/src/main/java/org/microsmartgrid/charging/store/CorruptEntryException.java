package org.microsmartgrid.charging.store;

/** A stored value that cannot be read back: bad check sum, unknown format version, truncated or invalid fields. */
final class CorruptEntryException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptEntryException(String message) {
        super(message);
    }

    CorruptEntryException(String message, Throwable cause) {
        super(message, cause);
    }
}
