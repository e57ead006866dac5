package org.microsmartgrid.building.access.door;

import java.time.Duration;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * A door's configuration, validated.
 *
 * @param contactBcm null when no door contact is wired (then no left-open alarm)
 * @param publicPage the city's public "I am at the door" page lists the door and passes codes to it
 */
public record DoorSettings(String id, String name, int outputBcm, boolean outputActiveLow, Integer contactBcm,
                           boolean contactActiveLow, Duration open, Duration leftOpenAlarm, FailMode failMode,
                           boolean publicPage) {
    public static final int MAX_OPEN_SECONDS = 30;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /** A door on the public page (the default). */
    public DoorSettings(String id, String name, int outputBcm, boolean outputActiveLow, Integer contactBcm,
                        boolean contactActiveLow, Duration open, Duration leftOpenAlarm, FailMode failMode) {
        this(id, name, outputBcm, outputActiveLow, contactBcm, contactActiveLow, open, leftOpenAlarm, failMode, true);
    }

    /** The raw configuration, as Declarative Services hands it over. */
    public record Raw(String doorId, String name, String outputPin, boolean outputActiveLow, String contactPin,
                      boolean contactActiveLow, int openSeconds, int leftOpenAlarmSeconds, String failMode,
                      boolean publicPage) {

        /** A door on the public page (the default). */
        public Raw(String doorId, String name, String outputPin, boolean outputActiveLow, String contactPin,
                   boolean contactActiveLow, int openSeconds, int leftOpenAlarmSeconds, String failMode) {
            this(doorId, name, outputPin, outputActiveLow, contactPin, contactActiveLow, openSeconds,
                    leftOpenAlarmSeconds, failMode, true);
        }
    }

    /**
     * @param resolve a pin setting (BCM number or board channel) to its BCM number, failing with the problem
     * @throws IllegalArgumentException naming the configuration and the property
     */
    public static DoorSettings validate(String pid, Raw r, ToIntFunction<String> resolve) {
        String id = r.doorId() == null ? "" : r.doorId().strip();
        if (!ID.matcher(id).matches()) throw bad(pid, "door.id", "= '" + id + "': 1-32 lowercase letters, digits, "
                + "'-' (e.g. portone, locker-1)");
        String name = r.name() == null || r.name().isBlank() ? id : r.name().strip();
        int out = pin(pid, "output.pin", r.outputPin(), resolve);
        Integer contact = r.contactPin() == null || r.contactPin().isBlank() ? null
                : pin(pid, "contact.pin", r.contactPin(), resolve);
        if (contact != null && contact == out)
            throw bad(pid, "contact.pin", "is the output pin BCM " + out + ": the contact needs its own input");
        if (r.openSeconds() < 1 || r.openSeconds() > MAX_OPEN_SECONDS)
            throw bad(pid, "open.seconds", "= " + r.openSeconds() + ": 1.." + MAX_OPEN_SECONDS);
        if (r.leftOpenAlarmSeconds() < 10 || r.leftOpenAlarmSeconds() > 3600)
            throw bad(pid, "left.open.alarm.seconds", "= " + r.leftOpenAlarmSeconds() + ": 10..3600");
        FailMode mode;
        try {
            mode = FailMode.valueOf(r.failMode() == null ? "" : r.failMode().strip());
        } catch (IllegalArgumentException e) {
            throw bad(pid, "fail.mode", "= '" + r.failMode() + "': FAIL_SECURE or FAIL_SAFE (what the lock does "
                    + "without power)");
        }
        return new DoorSettings(id, name, out, r.outputActiveLow(), contact, r.contactActiveLow(),
                Duration.ofSeconds(r.openSeconds()), Duration.ofSeconds(r.leftOpenAlarmSeconds()), mode, r.publicPage());
    }

    /** Same pins, polarity and id: only timing, name, fail mode or public page changed, the door can keep running. */
    public boolean sameHardware(DoorSettings o) {
        return id.equals(o.id) && outputBcm == o.outputBcm && outputActiveLow == o.outputActiveLow
                && java.util.Objects.equals(contactBcm, o.contactBcm) && contactActiveLow == o.contactActiveLow;
    }

    private static int pin(String pid, String property, String value, ToIntFunction<String> resolve) {
        try {
            return resolve.applyAsInt(value);
        } catch (IllegalArgumentException e) {
            throw bad(pid, property, "= '" + value + "': " + e.getMessage());
        }
    }

    private static IllegalArgumentException bad(String pid, String property, String problem) {
        return new IllegalArgumentException("configuration " + pid + ": property '" + property + "' " + problem);
    }
}
