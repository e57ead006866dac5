package org.microsmartgrid.building.access;

import org.eclipse.kura.configuration.ConfigurableComponent;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.microsmartgrid.api.gpio.BinaryInput;
import org.microsmartgrid.api.gpio.BinaryOutput;
import org.microsmartgrid.api.gpio.DigitalPins;
import org.microsmartgrid.building.access.door.DoorDevice;
import org.microsmartgrid.building.access.door.DoorSettings;
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
 * One door (factory configuration). Its pins come from the GPIO chip's shared claims: a pin already used by a socket
 * relay, another door or an input refuses the configuration, and nothing else changes.
 */
@Component(name = Door.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = ConfigurableComponent.class)
@Designate(ocd = DoorConfig.class, factory = true)
public class Door implements ConfigurableComponent {
    public static final String PID = "org.microsmartgrid.building.access.Door";
    private static final Logger log = LoggerFactory.getLogger(Door.class);

    @Reference
    private DigitalPins pins;
    @Reference
    private BuildingHub hub;

    private String pid;
    private DoorDevice device;
    private ScheduledFuture<?> ticks;

    public Door() {
    }

    /** For driving the component without a framework. */
    Door(DigitalPins pins, BuildingHub hub) {
        this.pins = pins;
        this.hub = hub;
    }

    @Activate
    public void activate(DoorConfig config, Map<String, Object> properties) {
        Object p = properties == null ? null : properties.get(Constants.SERVICE_PID);
        pid = p == null ? PID : p.toString();
        start(validate(config, "door not started"));
    }

    @Modified
    public void modified(DoorConfig config) {
        DoorSettings next = validate(config, "new configuration refused, the door keeps its previous one");
        if (device != null && device.settings().sameHardware(next)) {
            device.update(next);
            log.info("door {}: open {} s, left-open alarm {} s, {}, {}", next.id(), next.open().toSeconds(),
                    next.leftOpenAlarm().toSeconds(), next.failMode(), next.publicPage() ? "on the city's public page"
                            : "off the city's public page");
            return;
        }
        stop();
        start(next);
    }

    @Deactivate
    public void deactivate() {
        stop();
    }

    private DoorSettings validate(DoorConfig c, String consequence) {
        try {
            return DoorSettings.validate(pid, new DoorSettings.Raw(c.door_id(), c.name(), c.output_pin(),
                    c.output_active_low(), c.contact_pin(), c.contact_active_low(), c.open_seconds(),
                    c.left_open_alarm_seconds(), c.fail_mode(), c.public_page()), pins::resolve);
        } catch (IllegalArgumentException e) {
            log.error("{}: {}", consequence, e.getMessage());
            throw e;
        }
    }

    private void start(DoorSettings s) {
        String label = "door '" + s.id() + "'";
        try {
            BinaryOutput strike = pins.claimOutput(pid, label, s.outputBcm(), s.outputActiveLow());
            BinaryInput contact = s.contactBcm() == null ? null
                    : pins.claimInput(pid, label + " contact", s.contactBcm(), s.contactActiveLow());
            DoorDevice d = new DoorDevice(s, strike, contact, Clock.systemUTC(), hub::publish);
            hub.add(pid, d);
            device = d;
        } catch (RuntimeException e) {
            log.error("door not started: configuration {}: {}", pid, e.getMessage());
            pins.release(pid);
            throw e;
        }
        DoorDevice d = device;
        ticks = hub.timer().scheduleWithFixedDelay(() -> {
            try {
                d.tick();
            } catch (RuntimeException e) {
                log.error("door {}: {}", d.id(), e.toString(), e);
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        log.info("door {} ('{}') on BCM {}{}, {}, open {} s", s.id(), s.name(), s.outputBcm(),
                s.contactBcm() == null ? ", no contact" : ", contact BCM " + s.contactBcm(), s.failMode(),
                s.open().toSeconds());
    }

    private void stop() {
        if (ticks != null) ticks.cancel(false);
        ticks = null;
        if (device != null) device.lock();
        device = null;
        hub.remove(pid);
        pins.release(pid);
    }
}
