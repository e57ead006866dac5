package org.microsmartgrid.building.access;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(id = Door.PID, name = "Door / Porta",
        description = "A door strike or parcel locker on a GPIO output, opened for a few seconds by a one-time code; "
                + "optionally a door contact on a GPIO input (left-open alarm). docs/building-access.md")
public @interface DoorConfig {

    @AttributeDefinition(name = "Door id", description = "1-32 lowercase letters, digits, '-'; e.g. portone, "
            + "locker-1. Codes are issued for a door id.")
    String door_id();

    @AttributeDefinition(name = "Name", required = false, description = "What the manager reads, e.g. "
            + "\"Portone via Padova 12\".")
    String name() default "";

    @AttributeDefinition(name = "Output pin", description = "BCM number or board channel of the strike/locker "
            + "relay. A pin used by a socket relay or another door is refused.")
    String output_pin();

    @AttributeDefinition(name = "Output active low", description = "The strike is energised when the pin is LOW.")
    boolean output_active_low() default false;

    @AttributeDefinition(name = "Contact pin", required = false, description = "BCM number or board channel of the "
            + "door contact (active = door OPEN); empty when none is wired (no left-open alarm).")
    String contact_pin() default "";

    @AttributeDefinition(name = "Contact active low", description = "The contact pulls its input LOW when the door is "
            + "open.")
    boolean contact_active_low() default false;

    @AttributeDefinition(name = "Open seconds", min = "1", max = "30", description = "How long the strike stays "
            + "released after a valid code.")
    int open_seconds() default 5;

    @AttributeDefinition(name = "Left-open alarm (s)", min = "10", max = "3600", description = "A door open longer "
            + "than this raises DOOR_LEFT_OPEN.")
    int left_open_alarm_seconds() default 120;

    @AttributeDefinition(name = "Fail mode", description = "What the lock does WITHOUT POWER (the hardware's "
            + "property, stated by the installer): FAIL_SECURE stays locked, FAIL_SAFE opens.",
            options = {@Option(label = "Fail-secure (locked without power)", value = "FAIL_SECURE"),
                    @Option(label = "Fail-safe (open without power)", value = "FAIL_SAFE")})
    String fail_mode() default "FAIL_SECURE";

    @AttributeDefinition(name = "Public page / Pagina pubblica", description = "On: the city's public map lists this "
            + "door in \"Sono alla porta / I am at the door\" and passes couriers' codes to it (a courtyard gate, a "
            + "parcel locker). Off: the public page neither lists it nor opens it (a back entrance, a door for carers "
            + "only); codes still work on the keypad and the point's owner still issues them from the city. / Attiva: "
            + "la mappa pubblica del Comune elenca questa porta in \"Sono alla porta\" e le passa i codici dei "
            + "corrieri. Disattiva: la pagina pubblica non la mostra e non la apre; i codici valgono sul tastierino e il "
            + "proprietario del punto li emette ancora dal sito del Comune.")
    boolean public_page() default true;
}
