package org.microsmartgrid.city.api;

/**
 * An RFC 9457 problem detail: what the client got wrong, in Italian and English.
 *
 * @param status    HTTP status
 * @param title     short, the same for every occurrence of the problem
 * @param detail    this occurrence
 * @param parameter the query parameter to blame, or null
 */
public record Problem(int status, String title, String detail, String parameter) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public Problem(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "Richiesta non valida / Bad request", detail);
    }

    public static Problem badParameter(String parameter, String detail) {
        return new Problem(400, "Richiesta non valida / Bad request", detail, parameter);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Non trovato / Not found", detail);
    }

    /** Thrown by request parsing; the servlet answers with the problem. */
    public static final class Raised extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final transient Problem problem;

        public Raised(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }
    }
}
