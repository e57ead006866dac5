package org.microsmartgrid.building.access;

import org.eclipse.kura.configuration.ConfigurableComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.microsmartgrid.api.building.AlarmEvent;
import org.microsmartgrid.api.building.InputState;
import org.microsmartgrid.api.building.SecuritySystem;
import org.microsmartgrid.api.gpio.BinaryOutput;
import org.microsmartgrid.api.gpio.DigitalPins;
import org.microsmartgrid.building.access.security.ArmingMode;
import org.microsmartgrid.building.access.security.ArmingSchedule;
import org.microsmartgrid.building.access.security.InputDevice;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Arming, the inputs' 50 ms scan, alarms to the listeners, and the optional siren. A person's ARMED or DISARMED holds
 * until changed (in memory: a restart is back to AUTO, the schedule).
 */
@Component(name = SecurityService.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {SecuritySystem.class, SecurityService.class, ConfigurableComponent.class})
@Designate(ocd = SecurityConfig.class)
public class SecurityService implements SecuritySystem, ConfigurableComponent {
    public static final String PID = "org.microsmartgrid.building.access.Security";
    private static final String SIREN_OWNER = PID + ".siren";
    private static final Logger log = LoggerFactory.getLogger(SecurityService.class);

    /** Only for the siren: without a GPIO chip (a module not commissioned yet) nothing here waits for it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private DigitalPins pins;
    @Reference
    private BuildingHub hub;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, InputDevice> inputs = new ConcurrentHashMap<>();
    private volatile ArmingSchedule schedule = new ArmingSchedule(List.of());
    private volatile ArmingMode mode = ArmingMode.AUTO;
    private volatile BinaryOutput siren;
    private String sirenOwner;
    private volatile Duration sirenTime;
    private Instant sirenUntil;
    private ScheduledFuture<?> scan;

    @Activate
    public void activate(SecurityConfig config) {
        apply(config, "security not started");
        scan = hub.timer().scheduleWithFixedDelay(this::scan, 50, 50, TimeUnit.MILLISECONDS);
    }

    @Modified
    public void modified(SecurityConfig config) {
        apply(config, "new security configuration refused, the previous one stays");
    }

    @Deactivate
    public void deactivate() {
        if (scan != null) scan.cancel(false);
        if (pins != null && sirenOwner != null) pins.release(sirenOwner);
    }

    private void apply(SecurityConfig c, String consequence) {
        try {
            ArmingSchedule s = ArmingSchedule.parse(c.armed_schedule());
            if (c.siren_seconds() < 1 || c.siren_seconds() > 900)
                throw new IllegalArgumentException("siren.seconds = " + c.siren_seconds() + ": 1..900");
            boolean wantSiren = c.siren_pin() != null && !c.siren_pin().isBlank();
            String owner = wantSiren ? SIREN_OWNER + ":" + c.siren_pin().strip() + ":" + c.siren_active_low() : null;
            BinaryOutput next = siren;
            if (!java.util.Objects.equals(owner, sirenOwner)) {
                if (wantSiren && pins == null)
                    throw new IllegalStateException("siren.pin is set but there is no GPIO chip (configure "
                            + "org.microsmartgrid.relay.gpio.GpioChip)");
                // the new siren first, under its own owner: refused, the old one is still there
                next = wantSiren ? pins.claimOutput(owner, "siren", pins.resolve(c.siren_pin()), c.siren_active_low())
                        : null;
                if (sirenOwner != null && pins != null) pins.release(sirenOwner);
                sirenOwner = owner;
            }
            schedule = s;
            siren = next;
            sirenTime = Duration.ofSeconds(c.siren_seconds());
        } catch (RuntimeException e) {
            log.error("{}: configuration {}: {}", consequence, PID, e.getMessage());
            throw e;
        }
    }

    void add(String owner, InputDevice device) {
        String id = device.settings().id();
        inputs.forEach((o, d) -> {
            if (!o.equals(owner) && d.settings().id().equals(id))
                throw new IllegalStateException("input id '" + id + "' is already used by configuration " + o);
        });
        inputs.put(owner, device);
    }

    void remove(String owner) {
        inputs.remove(owner);
    }

    @Override
    public List<InputState> inputs() {
        return inputs.values().stream().map(InputDevice::state).sorted(Comparator.comparing(InputState::id)).toList();
    }

    @Override
    public String mode() {
        return mode.name();
    }

    @Override
    public boolean armed() {
        return mode.armed(schedule, clock.instant());
    }

    @Override
    public void setMode(String m, String by) {
        ArmingMode next = ArmingMode.parse(m);
        mode = next;
        log.info("security mode {} set by {}", next, by == null || by.isBlank() ? "unknown" : by.strip());
    }

    private void scan() {
        try {
            boolean armed = armed();
            for (InputDevice d : inputs.values()) d.tick(armed).ifPresent(this::alarm);
            driveSiren();
        } catch (RuntimeException e) {
            log.error("security scan: {}", e.toString(), e);
        }
    }

    private synchronized void alarm(AlarmEvent e) {
        if (e.active()) sirenUntil = e.at().plus(sirenTime);
        hub.publish(e);
    }

    private synchronized void driveSiren() {
        BinaryOutput s = siren;
        if (s == null) return;
        boolean anyAlarm = inputs.values().stream().anyMatch(d -> d.state().alarm());
        boolean on = anyAlarm && sirenUntil != null && clock.instant().isBefore(sirenUntil);
        if (s.active() != on) s.set(on);
    }
}
