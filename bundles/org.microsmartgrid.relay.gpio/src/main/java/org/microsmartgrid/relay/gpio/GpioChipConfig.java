package org.microsmartgrid.relay.gpio;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(id = GpioChip.PID, name = "GPIO chip (socket relays)",
        description = "The GPIO pins the socket relays are wired to: which Pi4J provider drives them and the relay "
                + "board's channel names. Relays go OFF while this configuration changes.")
public @interface GpioChipConfig {

    // No default on purpose: real hardware must never fall back to mock pins silently.
    @AttributeDefinition(name = "Provider", description = "GPIOD on a Raspberry Pi 4/5 (Linux GPIO character "
            + "device); LINUXFS only on old kernels with /sys/class/gpio; MOCK when there is no GPIO hardware "
            + "(demo, tests).", options = {
                    @Option(label = "GPIOD (Raspberry Pi 4/5)", value = "GPIOD"),
                    @Option(label = "LINUXFS (legacy sysfs)", value = "LINUXFS"),
                    @Option(label = "MOCK (no hardware)", value = "MOCK")})
    String provider();

    @AttributeDefinition(name = "Board", required = false,
            description = "What hardware this is, e.g. \"Raspberry Pi 4 + Waveshare RPi Relay Board\".")
    String board() default "";

    @AttributeDefinition(name = "Board pins", required = false, cardinality = 64,
            description = "Channel name = BCM pin, one per entry, e.g. CH1=26. Relays may then use \"CH1\" as "
                    + "their pin. BCM 0..27 (Raspberry Pi 40-pin header).")
    String[] board_pins() default {};
}
