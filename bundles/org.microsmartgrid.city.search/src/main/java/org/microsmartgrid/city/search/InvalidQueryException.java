package org.microsmartgrid.city.search;

/**
 * A value of a query or of a point that cannot be used (NaN, out of range, over a limit). {@link #parameter()} names
 * the offending parameter so an HTTP layer can answer with a problem detail that points at it; the message is
 * Italian first, then English.
 */
public final class InvalidQueryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    public InvalidQueryException(String parameter, String italian, String english) {
        super(parameter + ": " + italian + " / " + english);
        this.parameter = parameter;
    }

    /** The name of the parameter that was rejected, e.g. {@code latitude}, {@code limit}. */
    public String parameter() {
        return parameter;
    }

    static double latitude(String parameter, double value) {
        if (!(value >= -90 && value <= 90)) {
            throw new InvalidQueryException(parameter, "latitudine fuori da [-90, 90]: " + value,
                    "latitude outside [-90, 90]: " + value);
        }
        return value;
    }

    static double longitude(String parameter, double value) {
        if (!(value >= -180 && value <= 180)) {
            throw new InvalidQueryException(parameter, "longitudine fuori da [-180, 180]: " + value,
                    "longitude outside [-180, 180]: " + value);
        }
        return value;
    }

    static <T> T required(String parameter, T value) {
        if (value == null) {
            throw new InvalidQueryException(parameter, "valore mancante", "missing value");
        }
        return value;
    }
}
