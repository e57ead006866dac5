package org.microsmartgrid.building.access.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.microsmartgrid.api.building.AlarmEvent;
import org.microsmartgrid.api.building.InputState;
import org.microsmartgrid.api.gpio.BinaryInput;

/** A running security input: debounces its pin and says when its alarm is raised or cleared. */
public final class InputDevice {
    private final InputSettings settings;
    private final BinaryInput pin;
    private final Clock clock;
    private Debounce level;
    private boolean alarm;

    public InputDevice(InputSettings settings, BinaryInput pin, Clock clock) {
        this.settings = settings;
        this.pin = pin;
        this.clock = clock;
        this.level = Debounce.startingAt(false); // an input active at start alarms after the debounce time
    }

    public InputSettings settings() {
        return settings;
    }

    /** @return the alarm change, if any */
    public synchronized Optional<AlarmEvent> tick(boolean armed) {
        Instant now = clock.instant();
        level = level.step(pin.active(), now, settings.debounce());
        boolean next = ArmingMode.alarm(settings.type(), level.stable(), armed);
        if (next == alarm) return Optional.empty();
        alarm = next;
        String what = settings.type() + " '" + settings.id() + "'";
        return Optional.of(new AlarmEvent(now, settings.id(), settings.type().name(), next,
                next ? "Allarme " + what + " / alarm " + what : "Rientrato " + what + " / cleared " + what));
    }

    public synchronized InputState state() {
        return new InputState(settings.id(), settings.type().name(), level.stable(), alarm,
                settings.type().alwaysArmed());
    }
}
