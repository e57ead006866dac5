package org.microsmartgrid.relay.gpio;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import java.time.Clock;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayCommand;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.relay.RelayState;
import org.microsmartgrid.relay.gpio.chip.GpioPins;
import org.microsmartgrid.relay.gpio.config.RelaySettings;
import org.microsmartgrid.relay.gpio.control.RelayController;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
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
 * One socket relay. The {@link Relay} service is registered by hand, not by Declarative Services, because its
 * {@value #SOCKET_PROPERTY} property is derived from the configuration's {@code socket}; so the component is
 * immediate (a delayed one would never be activated, nobody asks for its DS service).
 */
@Component(name = GpioRelay.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = ConfigurableComponent.class)
@Designate(ocd = GpioRelayConfig.class, factory = true)
public class GpioRelay implements Relay, ConfigurableComponent {
    public static final String PID = "org.microsmartgrid.relay.gpio.GpioRelay";
    public static final String ID_PROPERTY = "relay.id";
    public static final String SOCKET_PROPERTY = "relay.socket";

    /** How often leases, deferred OFFs and the auxiliary contact are checked: the dead-man switch's resolution. */
    static final Duration CHECK_PERIOD = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(GpioRelay.class);

    @Reference
    private GpioPins pins;
    private final Clock clock;

    private BundleContext bundleContext;
    private String pid;
    private volatile RelaySettings settings;
    private volatile RelayController controller;
    private ScheduledFuture<?> checks;
    private ServiceRegistration<Relay> registration;

    public GpioRelay() {
        this.clock = Clock.systemUTC();
    }

    /** For driving the component without a framework. */
    GpioRelay(GpioPins pins, Clock clock) {
        this.pins = pins;
        this.clock = clock;
    }

    /** @param bundleContext null when driven without a framework (tests): the Relay service is not published */
    @Activate
    public void activate(BundleContext bundleContext, GpioRelayConfig config, Map<String, Object> properties) {
        this.bundleContext = bundleContext;
        this.pid = pidOf(properties);
        start(validate(config, "relay not started"));
    }

    @Modified
    public void modified(GpioRelayConfig config) {
        RelaySettings next = validate(config, "new configuration refused, the relay keeps its previous one");
        RelayController running = controller;
        if (running != null && settings.sameHardware(next)) {
            running.updateTiming(next);
            settings = next;
            log.info("relay {} socket {}: timing changed to min on {} ms, min off {} ms, settle {} ms",
                    next.relayId(), next.socket(), next.minOn().toMillis(), next.minOff().toMillis(),
                    next.feedbackSettle().toMillis());
            return;
        }
        // Pins, polarity, id or socket changed: start over, OFF, on the new pins.
        stop();
        start(next);
    }

    @Deactivate
    public void deactivate() {
        stop();
    }

    @Override
    public String id() {
        return settings.relayId();
    }

    @Override
    public int socket() {
        return settings.socket();
    }

    @Override
    public RelayState state() {
        return running().state();
    }

    @Override
    public RelayResult command(RelayCommand command) {
        return running().command(command);
    }

    private RelaySettings validate(GpioRelayConfig config, String consequence) {
        try {
            return RelaySettings.validate(pid, raw(config), pins.board(), pins.relayIdsInUse(pid));
        } catch (IllegalArgumentException e) {
            log.error("{}: {}", consequence, e.getMessage());
            throw e;
        }
    }

    private void start(RelaySettings s) {
        String label = "relay '" + s.relayId() + "'";
        try {
            pins.claimRelayId(pid, s.relayId());
            DigitalOutput output = pins.claimOutput(pid, label, s.pin(), s.activeLow());
            DigitalInput feedback = s.feedbackPin() == null ? null
                    : pins.claimInput(pid, label, s.feedbackPin(), s.feedbackActiveLow());
            controller = new RelayController(s, output, feedback, clock, pins.stopLatch()::reason);
        } catch (RuntimeException e) {
            log.error("relay not started: configuration {}: {}", pid, e.getMessage());
            pins.release(pid);
            throw e;
        }
        settings = s;
        RelayController c = controller;
        pins.stopLatch().register(pid, () -> c.shutdown("module stopping"));
        checks = pins.scheduler().scheduleWithFixedDelay(c::tick, CHECK_PERIOD.toMillis(), CHECK_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        if (bundleContext != null) {
            Dictionary<String, Object> props = new Hashtable<>(Map.of(ID_PROPERTY, s.relayId(),
                    SOCKET_PROPERTY, s.socket(), Constants.SERVICE_DESCRIPTION, "GPIO relay on BCM " + s.pin()));
            registration = bundleContext.registerService(Relay.class, this, props);
        }
    }

    private void stop() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it while stopping this bundle
            }
            registration = null;
        }
        if (checks != null) checks.cancel(false);
        checks = null;
        RelayController c = controller;
        controller = null;
        if (c != null) c.shutdown();
        pins.release(pid); // the pins' shutdown level is OFF too
    }

    private RelayController running() {
        RelayController c = controller;
        if (c == null) throw new IllegalStateException("relay " + pid + " is not running");
        return c;
    }

    private static RelaySettings.Raw raw(GpioRelayConfig c) {
        return new RelaySettings.Raw(c.relay_id(), c.socket(), c.pin(), c.active_low(), c.feedback_pin(),
                c.feedback_active_low(), c.min_on_ms(), c.min_off_ms(), c.feedback_settle_ms());
    }

    private static String pidOf(Map<String, Object> properties) {
        Object pid = properties == null ? null : properties.get(Constants.SERVICE_PID);
        return pid == null ? PID : pid.toString();
    }
}
