package org.microsmartgrid.city.people.web;

/**
 * A request the API refuses: becomes an RFC 9457 problem detail (title in Italian and English, the same for every
 * occurrence; detail for this one). Thrown before anything is written, so a refused request changes nothing.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    public final int status;
    public final String title;
    /** For 429: when to try again (the {@code Retry-After} header), in seconds. */
    public final long retryAfterSeconds;

    public ApiError(int status, String title, String detail) {
        this(status, title, detail, 60);
    }

    private ApiError(int status, String title, String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
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

    /** Throttled for a while nobody can tell exactly (daily limits): Retry-After says a minute. */
    public static ApiError tooMany(String detail) {
        return new ApiError(429, "Troppe richieste / Too many requests", detail);
    }

    /** Throttled for this long: Retry-After says when (rounded up to whole seconds). */
    public static ApiError tooMany(String detail, java.time.Duration wait) {
        long s = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ApiError(429, "Troppe richieste / Too many requests", detail, s);
    }
}
