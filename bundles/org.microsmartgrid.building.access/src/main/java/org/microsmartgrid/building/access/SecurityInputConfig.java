package org.microsmartgrid.building.access;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(id = SecurityInput.PID, name = "Security input / Ingresso di sicurezza",
        description = "A digital input (door contact, PIR, tamper, smoke, flood) on a GPIO pin, debounced.")
public @interface SecurityInputConfig {

    @AttributeDefinition(name = "Input id", description = "1-32 lowercase letters, digits, '-'; e.g. enclosure, "
            + "cantina-pir.")
    String input_id();

    @AttributeDefinition(name = "Type", options = {@Option(label = "Door/window contact", value = "CONTACT"),
            @Option(label = "Motion (PIR)", value = "PIR"), @Option(label = "Tamper (always armed)", value = "TAMPER"),
            @Option(label = "Smoke (always armed)", value = "SMOKE"),
            @Option(label = "Flood (always armed)", value = "FLOOD")})
    String type();

    @AttributeDefinition(name = "Pin", description = "BCM number or board channel. A pin already used (relay, door, "
            + "another input) is refused.")
    String pin();

    @AttributeDefinition(name = "Active low", description = "The sensor pulls the input LOW when it triggers "
            + "(normally-closed loops to ground wired the other way: then false).")
    boolean active_low() default false;

    @AttributeDefinition(name = "Debounce (ms)", min = "20", max = "10000")
    int debounce_ms() default 200;
}
