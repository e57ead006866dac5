package org.microsmartgrid.building.access.decision;

/** What an attempt at a door came to. Only GRANTED releases the door. */
public enum Outcome {
    GRANTED("Accesso consentito / Access granted"),
    /** no code of this door matches */
    REFUSED("Codice non valido / Invalid code"),
    /** not 8 digits: cannot be a code at all */
    MALFORMED("Il codice ha 8 cifre / A code has 8 digits"),
    EXPIRED("Codice scaduto / Code expired"),
    NOT_YET_VALID("Codice non ancora valido / Code not valid yet"),
    REUSED("Codice già usato / Code already used"),
    /** too many wrong codes: nothing is checked until the back-off ends */
    THROTTLED("Troppi tentativi, riprovare più tardi / Too many attempts, try again later");

    private final String message;

    Outcome(String message) {
        this.message = message;
    }

    /** Italian first, then English: what the keypad or the page shows. Never says which door or which code. */
    public String message() {
        return message;
    }

    /** Whether the attempt counts as a wrong guess for the throttle. */
    public boolean countsAsFailure() {
        return this != GRANTED && this != THROTTLED;
    }
}
