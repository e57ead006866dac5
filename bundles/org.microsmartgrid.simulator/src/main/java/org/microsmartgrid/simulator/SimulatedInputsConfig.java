package org.microsmartgrid.simulator;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = SimulatedInputs.PID, name = "Simulated building inputs (demo)",
        description = "The demo's door contacts, sensors and keypad: levels of the Pi4J mock chip's inputs, and a "
                + "code typed on a simulated keypad. Only with the MOCK GPIO provider. docs/simulator.md")
public @interface SimulatedInputsConfig {

    @AttributeDefinition(name = "High pins", required = false, description = "BCM numbers of the mock inputs that "
            + "read HIGH (e.g. 27 = a door contact open, 5 = the enclosure tamper); a pin removed from the list reads LOW again; other inputs are not touched.")
    int[] high_pins() default {};

    @AttributeDefinition(name = "Keypad", required = false, description = "door:code, typed once (then #) on the "
            + "Wiegand keypad configured for that door (pulses on its mock D0/D1 inputs) each time this value changes "
            + "(e.g. portone:12345678); empty: nothing typed.")
    String keypad() default "";
}
