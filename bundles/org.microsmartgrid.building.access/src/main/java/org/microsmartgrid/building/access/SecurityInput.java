package org.microsmartgrid.building.access;

import org.eclipse.kura.configuration.ConfigurableComponent;
import java.time.Clock;
import java.util.Map;
import org.microsmartgrid.api.gpio.BinaryInput;
import org.microsmartgrid.api.gpio.DigitalPins;
import org.microsmartgrid.building.access.security.InputDevice;
import org.microsmartgrid.building.access.security.InputSettings;
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

/** One security input (factory configuration); its pin comes from the GPIO chip's shared claims. */
@Component(name = SecurityInput.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = ConfigurableComponent.class)
@Designate(ocd = SecurityInputConfig.class, factory = true)
public class SecurityInput implements ConfigurableComponent {
    public static final String PID = "org.microsmartgrid.building.access.SecurityInput";
    private static final Logger log = LoggerFactory.getLogger(SecurityInput.class);

    @Reference
    private DigitalPins pins;
    @Reference
    private SecurityService security;

    private String pid;

    @Activate
    public void activate(SecurityInputConfig config, Map<String, Object> properties) {
        Object p = properties == null ? null : properties.get(Constants.SERVICE_PID);
        pid = p == null ? PID : p.toString();
        start(config, "input not started");
    }

    /** Any change means new settings: the input starts over (its alarm clears and is re-evaluated). */
    @Modified
    public void modified(SecurityInputConfig config) {
        InputSettings next = validate(config, "new configuration refused, the input keeps its previous one");
        stop();
        start(next);
    }

    @Deactivate
    public void deactivate() {
        stop();
    }

    private void start(SecurityInputConfig config, String consequence) {
        start(validate(config, consequence));
    }

    private InputSettings validate(SecurityInputConfig c, String consequence) {
        try {
            return InputSettings.validate(pid, c.input_id(), c.type(), c.pin(), c.active_low(), c.debounce_ms(),
                    pins::resolve);
        } catch (IllegalArgumentException e) {
            log.error("{}: {}", consequence, e.getMessage());
            throw e;
        }
    }

    private void start(InputSettings s) {
        try {
            BinaryInput in = pins.claimInput(pid, "input '" + s.id() + "'", s.bcm(), s.activeLow());
            security.add(pid, new InputDevice(s, in, Clock.systemUTC()));
        } catch (RuntimeException e) {
            log.error("input not started: configuration {}: {}", pid, e.getMessage());
            pins.release(pid);
            throw e;
        }
        log.info("security input {} ({}) on BCM {}{}", s.id(), s.type(), s.bcm(),
                s.type().alwaysArmed() ? ", always armed" : "");
    }

    private void stop() {
        security.remove(pid);
        pins.release(pid);
    }
}
