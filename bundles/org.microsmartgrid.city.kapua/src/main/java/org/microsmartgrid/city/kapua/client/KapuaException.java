package org.microsmartgrid.city.kapua.client;

/**
 * Kapua answered with an error ({@link #status()} 400, 401, 403, 404, 409, 500 ...) or could not be reached
 * ({@link #status()} 0). The message never holds a secret: only the method, path and Kapua's own error message.
 */
public final class KapuaException extends Exception {

    private final int status;
    private final boolean unreadable;

    public KapuaException(int status, String message, Throwable cause) {
        this(status, message, cause, false);
    }

    /** @param unreadable Kapua answered success, with a body that is not a JSON object */
    public KapuaException(int status, String message, Throwable cause, boolean unreadable) {
        super(message, cause);
        this.status = status;
        this.unreadable = unreadable;
    }

    /** Kapua answered success (2xx) with a body that is not a JSON object. */
    public boolean unreadable() {
        return unreadable;
    }

    /** The HTTP status, or 0 when Kapua was not reached (refused, timed out, no route). */
    public int status() {
        return status;
    }

    public boolean unreachable() {
        return status == 0;
    }

    public boolean conflict() {
        return status == 409;
    }
}
