package org.microsmartgrid.city.people.web;

/**
 * A request the API refuses: becomes an RFC 9457 problem detail (title in Italian and English, the same for every
 * occurrence; detail for this one). Thrown before anything is written, so a refused request changes nothing.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    public final int status;
    public final String title;

    public ApiError(int status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    public static ApiError badRequest(String detail) {
        return new ApiError(400, "Richiesta non valida / Bad request", detail);
    }

    public static ApiError unauthorized() {
        return new ApiError(401, "Accesso richiesto / Authentication required",
                "accedere prima / log in first");
    }

    public static ApiError forbidden(String detail) {
        return new ApiError(403, "Non consentito / Forbidden", detail);
    }

    public static ApiError notFound(String detail) {
        return new ApiError(404, "Non trovato / Not found", detail);
    }

    public static ApiError conflict(String detail) {
        return new ApiError(409, "Conflitto / Conflict", detail);
    }

    public static ApiError tooMany(String detail) {
        return new ApiError(429, "Troppe richieste / Too many requests", detail);
    }
}
