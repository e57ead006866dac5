package org.microsmartgrid.city.broker.doorcodes;

/**
 * What became of a request for a courier code. On {@link Status#ISSUED} the code and its window are set; otherwise
 * only {@code reason} may be (the module's own words, Italian then English).
 *
 * @param code   the code in clear, for the owner to pass on: never stored nor logged by the city
 * @param codeId the module's id of the code (its journal's), safe to log
 */
public record CodeAnswer(Status status, String code, String codeId, String from, String until, String reason) {

    public enum Status {
        /** the module issued the code */
        ISSUED,
        /** the module's door service refused the window (reason says why) */
        REFUSED,
        /** the module does not know that door */
        UNKNOWN_DOOR,
        /** the module found the request malformed */
        MALFORMED,
        /** not connected, or no answer in time */
        UNREACHABLE,
        /** the module failed to answer sensibly */
        FAILED
    }

    public static CodeAnswer of(Status status, String reason) {
        return new CodeAnswer(status, null, null, null, null, reason);
    }

    @Override
    public String toString() { // never the code, whatever logs an answer
        return "CodeAnswer[" + status + ", id=" + codeId + ", " + from + "–" + until + ", " + reason + "]";
    }
}
