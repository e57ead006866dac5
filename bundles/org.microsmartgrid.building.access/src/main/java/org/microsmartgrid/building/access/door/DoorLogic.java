package org.microsmartgrid.building.access.door;

import java.time.Duration;
import java.time.Instant;

/**
 * A door's timing, pure: the strike is released for the open time after a grant, and a contact open longer than the
 * alarm time raises "door left open" until it closes.
 */
public final class DoorLogic {
    private DoorLogic() {
    }

    /**
     * @param releasedUntil the strike is energised before this instant (null: locked)
     * @param openSince     since when the contact reads open (null: closed or no contact)
     */
    public record Status(Instant releasedUntil, Instant openSince, boolean leftOpen) {
        public static final Status LOCKED = new Status(null, null, false);

        public boolean released(Instant now) {
            return releasedUntil != null && now.isBefore(releasedUntil);
        }
    }

    public static Status release(Status s, Duration open, Instant now) {
        return new Status(now.plus(open), s.openSince(), s.leftOpen());
    }

    /** @param contactOpen null when the door has no contact */
    public static Status tick(Status s, Duration leftOpenAlarm, Instant now, Boolean contactOpen) {
        Instant until = s.released(now) ? s.releasedUntil() : null;
        if (contactOpen == null || !contactOpen) return new Status(until, null, false);
        Instant since = s.openSince() == null ? now : s.openSince();
        boolean alarm = Duration.between(since, now).compareTo(leftOpenAlarm) >= 0;
        return new Status(until, since, alarm);
    }
}
