package org.microsmartgrid.relay.gpio.chip;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import org.microsmartgrid.relay.gpio.config.GpioProvider;

/**
 * Pi4J contexts for each {@link GpioProvider}.
 *
 * <p>Pi4J normally discovers its plugins with {@link java.util.ServiceLoader}, which cannot see other bundles under
 * OSGi; so the context is built explicitly from provider instances, with auto-detection off. Only digital input
 * and output providers are added: relays need nothing else, and the linuxfs I2C/SPI providers would need JNA.
 */
public final class Pi4jProviders {
    private Pi4jProviders() {}

    public static Context newContext(GpioProvider provider) {
        var builder = Pi4J.newContextBuilder().noAutoDetect()
                // Pi4J's JVM shutdown hook is never removed, so each chip re-activation would leak one (with this
                // bundle's class loader); the OSGi life cycle shuts the context down instead.
                .disableShutdownHook();
        return switch (provider) {
            case MOCK -> builder.add(MockDigitalOutputProvider.newInstance(), MockDigitalInputProvider.newInstance()).build();
            case GPIOD -> builder.add(GpioDDigitalOutputProvider.newInstance(), GpioDDigitalInputProvider.newInstance()).build();
            case LINUXFS -> builder.add(LinuxFsDigitalOutputProvider.newInstance(), LinuxFsDigitalInputProvider.newInstance()).build();
        };
    }

    static String outputProviderId(GpioProvider provider) {
        return switch (provider) {
            case MOCK -> MockDigitalOutputProvider.ID;
            case GPIOD -> GpioDDigitalOutputProvider.ID;
            case LINUXFS -> LinuxFsDigitalOutputProvider.ID;
        };
    }

    static String inputProviderId(GpioProvider provider) {
        return switch (provider) {
            case MOCK -> MockDigitalInputProvider.ID;
            case GPIOD -> GpioDDigitalInputProvider.ID;
            case LINUXFS -> LinuxFsDigitalInputProvider.ID;
        };
    }
}
