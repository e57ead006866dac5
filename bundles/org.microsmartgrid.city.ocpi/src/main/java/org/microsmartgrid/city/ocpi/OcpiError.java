package org.microsmartgrid.city.ocpi;

/**
 * A request OCPI refuses: the HTTP status and the OCPI status code (status_codes: 2001 invalid or missing parameters,
 * 2003 unknown location, ...) with a message in Italian and English. Thrown by request handling; the servlet answers
 * with the envelope.
 */
final class OcpiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final int INVALID_PARAMETERS = 2001;
    static final int UNKNOWN_LOCATION = 2003;
    static final int GENERIC_CLIENT_ERROR = 2000;

    final int httpStatus;
    final int ocpiStatus;

    OcpiError(int httpStatus, int ocpiStatus, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.ocpiStatus = ocpiStatus;
    }

    static OcpiError badParameter(String message) {
        return new OcpiError(400, INVALID_PARAMETERS, message);
    }

    static OcpiError notFound(String message) {
        return new OcpiError(404, UNKNOWN_LOCATION, message);
    }
}
