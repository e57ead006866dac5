package org.microsmartgrid.relay.gpio;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = GpioRelay.PID, name = "GPIO socket relay",
        description = "A relay (or contactor) on a GPIO pin that switches one socket. It is OFF at start, at stop "
                + "and whenever an ON is not renewed within its lease.")
public @interface GpioRelayConfig {

    @AttributeDefinition(name = "Relay id", description = "Unique id, e.g. \"socket-3\"; used by the balancer, "
            + "the status page and the logs.")
    String relay_id();

    @AttributeDefinition(name = "Socket", min = "1", max = "64", description = "The socket this relay feeds, 1..64.")
    int socket();

    @AttributeDefinition(name = "Pin", description = "BCM GPIO number (0..27) or a channel name of the GPIO chip's "
            + "board pins, e.g. CH1.")
    String pin();

    @AttributeDefinition(name = "Active low", description = "The relay is energised when the pin is LOW (most "
            + "opto-isolated relay boards, e.g. the Waveshare RPi Relay Board). Wrong here means ON at start: check "
            + "with a meter before connecting loads.")
    boolean active_low() default false;

    @AttributeDefinition(name = "Feedback pin", required = false, description = "BCM number or board channel of the "
            + "contactor's auxiliary contact; empty when none is wired.")
    String feedback_pin() default "";

    @AttributeDefinition(name = "Feedback active low", description = "The auxiliary contact pulls its input LOW "
            + "when closed (contact to ground, internal pull-up).")
    boolean feedback_active_low() default false;

    @AttributeDefinition(name = "Minimum on-time (ms)", min = "0", description = "A normal OFF sooner than this "
            + "after switching ON is deferred (safety OFF and lease expiry are not).")
    long min_on_ms() default 30000;

    @AttributeDefinition(name = "Minimum off-time (ms)", min = "0", description = "An ON sooner than this after "
            + "switching OFF (or after start) is deferred.")
    long min_off_ms() default 30000;

    @AttributeDefinition(name = "Feedback settle time (ms)", min = "0", description = "How long the auxiliary "
            + "contact may take to follow the output before a mismatch is a fault.")
    long feedback_settle_ms() default 500;
}
