package org.microsmartgrid.relay.gpio;

import com.pi4j.context.Context;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.api.gpio.DigitalPins;
import org.microsmartgrid.relay.gpio.chip.GpioPins;
import org.microsmartgrid.relay.gpio.chip.Pi4jGpioPins;
import org.microsmartgrid.relay.gpio.chip.Pi4jProviders;
import org.microsmartgrid.relay.gpio.chip.SharedDigitalPins;
import org.microsmartgrid.relay.gpio.config.ChipSettings;
import org.microsmartgrid.relay.gpio.config.GpioProvider;
import org.microsmartgrid.relay.gpio.config.InvalidConfigurationException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GPIO chip: builds the Pi4J context for the configured provider and publishes it, plus the pin-claiming
 * service the relays use. No {@code @Modified}: a new provider or pin map means new pins, so Declarative Services
 * re-activates the chip, and with it every relay (which go OFF and come back OFF).
 *
 * <p>Immediate: it publishes its services by hand, so nothing would ever ask DS to activate a delayed component.
 */
@Component(name = GpioChip.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = ConfigurableComponent.class)
@Designate(ocd = GpioChipConfig.class)
public class GpioChip implements ConfigurableComponent {
    public static final String PID = "org.microsmartgrid.relay.gpio.GpioChip";
    /** Service property on the published Pi4J Context: MOCK, GPIOD or LINUXFS. */
    public static final String PROVIDER_PROPERTY = "gpio.provider";

    private static final Logger log = LoggerFactory.getLogger(GpioChip.class);

    private Context context;
    private Pi4jGpioPins pins;
    private ServiceRegistration<Context> contextRegistration;
    private ServiceRegistration<GpioPins> pinsRegistration;
    private ServiceRegistration<DigitalPins> sharedRegistration;
    private BundleContext bundleContext;
    private SynchronousBundleListener frameworkStopping;

    /** @param bundleContext null when driven without a framework (tests): nothing is published then */
    @Activate
    public void activate(BundleContext bundleContext, GpioChipConfig config) {
        ChipSettings settings;
        try {
            boolean demo = bundleContext == null // driven without a framework: a test
                    || Boolean.parseBoolean(bundleContext.getProperty(ChipSettings.DEMO_PROPERTY));
            settings = ChipSettings.validate(PID, config.provider(), config.board(), config.board_pins(), demo);
        } catch (InvalidConfigurationException e) {
            log.error("GPIO chip not started: {}", e.getMessage());
            throw e;
        }
        context = Pi4jProviders.newContext(settings.provider());
        pins = new Pi4jGpioPins(settings, context);
        log.info("GPIO chip started: provider {}, board '{}', channels {}", settings.provider(), settings.board(),
                settings.pins().channels());
        if (settings.provider() == GpioProvider.MOCK)
            log.warn("GPIO provider MOCK (demo): the relays switch NOTHING, whatever the console shows / relè simulati: "
                    + "nessuna presa viene comandata");
        if (bundleContext != null) {
            // The system bundle's STOPPING comes first when the framework stops (SIGTERM, systemctl stop, the
            // console's stop button), before any bundle stops: from then on no relay switches ON.
            Pi4jGpioPins p = pins;
            frameworkStopping = event -> {
                if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() == 0)
                    p.stopLatch().close("Module stopping / arresto del modulo");
            };
            bundleContext.addBundleListener(frameworkStopping);
            this.bundleContext = bundleContext;
            Dictionary<String, Object> props = new Hashtable<>(Map.of(PROVIDER_PROPERTY, settings.provider().name(),
                    "board", settings.board(), Constants.SERVICE_DESCRIPTION, "Pi4J context of the GPIO chip"));
            contextRegistration = bundleContext.registerService(Context.class, context, props);
            pinsRegistration = bundleContext.registerService(GpioPins.class, pins, props);
            // doors and security inputs (org.microsmartgrid.building.*) claim pins through the same claims
            sharedRegistration = bundleContext.registerService(DigitalPins.class, new SharedDigitalPins(pins), props);
        }
    }

    @Deactivate
    public void deactivate() {
        if (frameworkStopping != null) {
            try {
                bundleContext.removeBundleListener(frameworkStopping);
            } catch (IllegalStateException stopping) {
                // the bundle context is already invalid: the framework removed the listener
            }
            frameworkStopping = null;
        }
        // Relays depend on GpioPins: unregistering it deactivates them first, and they switch OFF.
        unregister(sharedRegistration); // doors and inputs release their pins (outputs inactive) first
        unregister(pinsRegistration);
        sharedRegistration = null;
        unregister(contextRegistration);
        pinsRegistration = null;
        contextRegistration = null;
        if (pins != null) pins.close();
        if (context != null) {
            try {
                context.shutdown(); // every output still open goes to its shutdown (inactive) level
            } catch (RuntimeException e) {
                log.error("GPIO chip: Pi4J shutdown failed: {}", e.toString(), e);
            }
        }
        log.info("GPIO chip stopped");
    }

    /** The relays' view of this chip (for tests that drive the components without a framework). */
    GpioPins pins() {
        return pins;
    }

    Context context() {
        return context;
    }

    private static void unregister(ServiceRegistration<?> registration) {
        if (registration == null) return;
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework is stopping this bundle and has unregistered it
        }
    }
}
