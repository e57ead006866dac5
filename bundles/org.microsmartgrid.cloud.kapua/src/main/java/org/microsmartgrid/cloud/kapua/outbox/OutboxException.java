package org.microsmartgrid.cloud.kapua.outbox;

/** The outbox could not be opened, read or written; the message names the file. */
public final class OutboxException extends Exception {

    private static final long serialVersionUID = 1L;

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
