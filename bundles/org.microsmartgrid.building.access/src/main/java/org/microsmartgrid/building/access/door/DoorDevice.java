package org.microsmartgrid.building.access.door;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.microsmartgrid.api.building.AlarmEvent;
import org.microsmartgrid.api.building.DoorState;
import org.microsmartgrid.api.gpio.BinaryInput;
import org.microsmartgrid.api.gpio.BinaryOutput;

/** A running door: its claimed pins, its {@link DoorLogic} status, and the alarms it raises. */
public final class DoorDevice {
    public static final String LEFT_OPEN = "DOOR_LEFT_OPEN";

    private volatile DoorSettings settings;
    private final BinaryOutput strike;
    private final BinaryInput contact;
    private final Clock clock;
    private final Consumer<AlarmEvent> alarms;
    private DoorLogic.Status status = DoorLogic.Status.LOCKED;

    /** @param contact null when none is wired */
    public DoorDevice(DoorSettings settings, BinaryOutput strike, BinaryInput contact, Clock clock,
                      Consumer<AlarmEvent> alarms) {
        this.settings = settings;
        this.strike = strike;
        this.contact = contact;
        this.clock = clock;
        this.alarms = alarms;
        strike.set(false);
    }

    public String id() {
        return settings.id();
    }

    public DoorSettings settings() {
        return settings;
    }

    /** New timing, name, fail mode or public page on the same pins. */
    public void update(DoorSettings next) {
        settings = next;
    }

    /** Releases the strike for the door's open time (a grant). */
    public synchronized void release() {
        Instant now = clock.instant();
        status = DoorLogic.release(status, settings.open(), now);
        strike.set(true);
    }

    /** Called every 100 ms: re-locks when the open time is over, watches the contact. */
    public synchronized void tick() {
        Instant now = clock.instant();
        boolean wasAlarm = status.leftOpen();
        status = DoorLogic.tick(status, settings.leftOpenAlarm(), now, contact == null ? null : contact.active());
        boolean released = status.released(now);
        if (strike.active() != released) strike.set(released);
        if (status.leftOpen() != wasAlarm)
            alarms.accept(new AlarmEvent(now, settings.id(), LEFT_OPEN, status.leftOpen(), status.leftOpen()
                    ? "Porta aperta da oltre " + settings.leftOpenAlarm().toSeconds() + " s / door open for more than "
                    + settings.leftOpenAlarm().toSeconds() + " s" : "Porta chiusa / door closed"));
    }

    /** Locks now (stop). */
    public synchronized void lock() {
        status = DoorLogic.Status.LOCKED;
        strike.set(false);
    }

    public synchronized DoorState state() {
        DoorSettings s = settings;
        String c = contact == null ? "NONE" : contact.active() ? "OPEN" : "CLOSED";
        return new DoorState(s.id(), s.name(), s.failMode().name(), strike.active(), c, status.leftOpen(),
                s.publicPage());
    }
}
