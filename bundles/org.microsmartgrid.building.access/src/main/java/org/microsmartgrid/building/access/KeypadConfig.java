package org.microsmartgrid.building.access;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = Keypad.PID, name = "Keypad / Tastierino",
        description = "A Wiegand door keypad on two GPIO inputs (D0, D1, through a level shifter to 3.3 V): the digits "
                + "typed before '#' are tried as a one-time code at its door; '*' clears. 4- and 8-bit keypad "
                + "formats; no cards. docs/building-access.md")
public @interface KeypadConfig {

    @AttributeDefinition(name = "Door id", description = "The door this keypad opens (the door.id of a door of this "
            + "module, e.g. portone).")
    String door_id();

    @AttributeDefinition(name = "D0 pin", description = "BCM number or board channel of the keypad's D0 wire "
            + "(green). A pin used by a relay, a door or an input is refused.")
    String d0_pin();

    @AttributeDefinition(name = "D1 pin", description = "BCM number or board channel of the keypad's D1 wire "
            + "(white).")
    String d1_pin();

    @AttributeDefinition(name = "Frame gap (ms)", min = "5", max = "1000", description = "A key's frame ends when "
            + "no bit came for this long (keypads send a bit every 1-2 ms, keys far apart).")
    int frame_gap_ms() default 25;

    @AttributeDefinition(name = "Entry timeout (s)", min = "1", max = "120", description = "Digits left without a "
            + "key for longer are cleared.")
    int entry_timeout_seconds() default 10;
}
