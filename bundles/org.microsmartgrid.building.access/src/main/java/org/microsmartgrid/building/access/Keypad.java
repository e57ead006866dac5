package org.microsmartgrid.building.access;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.gpio.DigitalPins;
import org.microsmartgrid.building.access.keypad.KeypadDevice;
import org.microsmartgrid.building.access.keypad.KeypadSettings;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Wiegand door keypad (factory configuration): its D0 and D1 lines come from the GPIO chip's shared claims (a pin
 * of a relay, a door or an input is refused), its entries go to {@link DoorAccess#redeem} with {@code via} =
 * {@code keypad}, as a courier's code typed at the door.
 */
@Component(name = Keypad.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = ConfigurableComponent.class)
@Designate(ocd = KeypadConfig.class, factory = true)
public class Keypad implements ConfigurableComponent {
    public static final String PID = "org.microsmartgrid.building.access.Keypad";
    public static final String VIA = "keypad";
    /** How long a keypad waits at start for its door to come up before it says the door id is wrong. */
    static final long DOOR_GRACE_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(Keypad.class);

    @Reference
    private DigitalPins pins;
    @Reference
    private BuildingHub hub;
    @Reference
    private DoorAccess access;

    private String pid;
    private KeypadDevice device;

    public Keypad() {
    }

    /** For driving the component without a framework. */
    Keypad(DigitalPins pins, BuildingHub hub, DoorAccess access) {
        this.pins = pins;
        this.hub = hub;
        this.access = access;
    }

    @Activate
    public void activate(KeypadConfig config, Map<String, Object> properties) {
        Object p = properties == null ? null : properties.get(Constants.SERVICE_PID);
        pid = p == null ? PID : p.toString();
        KeypadSettings s = validate(config, "keypad not started");
        start(s);
        // At start the door's own configuration may come later (FileInstall's order), so the door is looked for
        // again after a while; meanwhile an entry for an unknown door is refused and logged.
        if (hub.door(s.doorId()).isEmpty())
            hub.timer().schedule(this::checkDoor, DOOR_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * A new door or timing applies live; new pins restart the keypad (what was being typed is dropped). Refused, with
     * the previous configuration kept: bad values, a door id that names no running door, pins another owner holds.
     */
    @Modified
    public void modified(KeypadConfig config) {
        String consequence = "new configuration refused, the keypad keeps its previous one";
        KeypadSettings next = validate(config, consequence);
        if (hub.door(next.doorId()).isEmpty()) {
            IllegalArgumentException e = new IllegalArgumentException("configuration " + pid + ": property 'door.id' "
                    + "= '" + next.doorId() + "' names no door of this module (running: " + hub.doors().keySet() + ")");
            log.error("{}: {}", consequence, e.getMessage());
            throw e;
        }
        KeypadSettings previous = device == null ? null : device.settings();
        if (device != null && previous.samePins(next)) {
            device.update(next);
            log.info("keypad for door {}: frame gap {} ms, entry timeout {} s", next.doorId(),
                    next.frameGap().toMillis(), next.entryTimeout().toSeconds());
            return;
        }
        stop();
        try {
            start(next);
        } catch (RuntimeException e) {
            log.error("{}: {}", consequence, e.getMessage());
            if (previous != null) start(previous);
            throw e;
        }
    }

    @Deactivate
    public void deactivate() {
        stop();
    }

    private KeypadSettings validate(KeypadConfig c, String consequence) {
        try {
            return KeypadSettings.validate(pid, new KeypadSettings.Raw(c.door_id(), c.d0_pin(), c.d1_pin(),
                    c.frame_gap_ms(), c.entry_timeout_seconds()), pins::resolve);
        } catch (IllegalArgumentException e) {
            log.error("{}: {}", consequence, e.getMessage());
            throw e;
        }
    }

    private void start(KeypadSettings s) {
        KeypadDevice d = new KeypadDevice(s, this::tryAt, System::nanoTime);
        String label = "keypad of door '" + s.doorId() + "'";
        try {
            // Wiegand lines idle HIGH and pulse LOW: active low, pulled up (a cut wire reads idle, never a bit)
            pins.claimEdgeInput(pid, label + " D0", s.d0Bcm(), true, (active, nanos) -> d.edge(false, active, nanos));
            pins.claimEdgeInput(pid, label + " D1", s.d1Bcm(), true, (active, nanos) -> d.edge(true, active, nanos));
        } catch (RuntimeException e) {
            d.close();
            pins.release(pid);
            log.error("keypad not started: configuration {}: {}", pid, e.getMessage());
            throw e;
        }
        device = d;
        log.info("keypad for door {} on D0 BCM {}, D1 BCM {} (Wiegand 4/8-bit keys), entry timeout {} s", s.doorId(),
                s.d0Bcm(), s.d1Bcm(), s.entryTimeout().toSeconds());
    }

    private void checkDoor() {
        KeypadDevice d = device;
        if (d == null || hub.door(d.settings().doorId()).isPresent()) return;
        log.error("keypad {}: property 'door.id' = '{}' names no door of this module (running: {}); every entry is "
                + "refused", pid, d.settings().doorId(), hub.doors().keySet());
    }

    private void tryAt(String door, String digits) {
        try {
            DoorAccess.AccessResult r = access.redeem(door, digits, VIA);
            log.info("keypad at {}: {}", door, r.outcome()); // the outcome only: never the digits
        } catch (IllegalArgumentException e) {
            log.error("keypad at {}: entry refused: {}", door, e.getMessage());
        } catch (RuntimeException e) {
            log.error("keypad at {}: entry not tried: {}", door, e.toString());
        }
    }

    private void stop() {
        if (device != null) device.close();
        device = null;
        pins.release(pid);
    }
}
