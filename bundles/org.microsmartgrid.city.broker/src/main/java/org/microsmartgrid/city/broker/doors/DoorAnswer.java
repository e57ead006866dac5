package org.microsmartgrid.city.broker.doors;

/**
 * What became of a code sent to a module's door.
 *
 * @param status  what the city does with it
 * @param outcome the module's own outcome ({@code GRANTED}, {@code REFUSED}, {@code EXPIRED}, {@code NOT_YET_VALID},
 *                {@code REUSED}, {@code THROTTLED}, {@code MALFORMED}), or null when the module gave none
 * @param message the module's message, Italian first then English (what its keypad shows), or null
 */
public record DoorAnswer(Status status, String outcome, String message) {

    public enum Status {
        /** the module released the door */
        OPENED,
        /** the module refused the code (outcome says why, as its keypad would) */
        REFUSED,
        /** the module checks no code at that door for now: too many wrong codes */
        THROTTLED,
        /** the module does not know that door */
        UNKNOWN_DOOR,
        /** the module found the request malformed */
        MALFORMED,
        /** not connected, or no answer in time */
        UNREACHABLE,
        /** the module failed to answer sensibly */
        FAILED
    }

    public static DoorAnswer of(Status status) {
        return new DoorAnswer(status, null, null);
    }
}
