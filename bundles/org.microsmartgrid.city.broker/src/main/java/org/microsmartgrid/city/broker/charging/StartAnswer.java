package org.microsmartgrid.city.broker.charging;

/**
 * A module's answer to a start request.
 *
 * @param sessionId the module's id of the session it opened (only for {@link Status#STARTED})
 * @param message   the module's reason for a refusal, as it wrote it, or null
 */
public record StartAnswer(Status status, String sessionId, String message) {

    public enum Status {
        /** The session is open: {@link #sessionId()} says which. */
        STARTED,
        /** The module found the request malformed (400). */
        MALFORMED,
        /** The module has no such socket, or no charging sessions (404). */
        UNKNOWN_SOCKET,
        /** The module said no: a session is open on the socket already (409). */
        REFUSED,
        /** Not connected, or no answer in time. */
        UNREACHABLE,
        /** An answer we cannot read, or a failure on the module. */
        FAILED
    }

    public static StartAnswer of(Status status) {
        return new StartAnswer(status, null, null);
    }
}
