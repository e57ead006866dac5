package org.microsmartgrid.building.access.security;

import java.time.Instant;
import java.util.Locale;

/** Who decides whether contacts and PIRs alarm: the schedule (AUTO) or a person (ARMED, DISARMED). */
public enum ArmingMode {
    AUTO, ARMED, DISARMED;

    /** @throws IllegalArgumentException for anything but the three modes */
    public static ArmingMode parse(String s) {
        try {
            return valueOf(s == null ? "" : s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Modo sconosciuto / unknown mode '" + s + "': AUTO, ARMED or DISARMED");
        }
    }

    public boolean armed(ArmingSchedule schedule, Instant now) {
        return switch (this) {
            case ARMED -> true;
            case DISARMED -> false;
            case AUTO -> schedule.armed(now);
        };
    }

    /** The pure alarm rule: an active input alarms when its type is always armed or the building is armed. */
    public static boolean alarm(InputType type, boolean active, boolean armed) {
        return active && (type.alwaysArmed() || armed);
    }
}
