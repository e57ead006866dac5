package org.microsmartgrid.building.access;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = SecurityService.PID, name = "Security / Sicurezza",
        description = "Arming schedule and the optional siren or light of the security inputs. Tamper, smoke and "
                + "flood inputs alarm whatever the arming. docs/building-access.md")
public @interface SecurityConfig {

    @AttributeDefinition(name = "Armed schedule", required = false, description = "Daily windows in Italian time "
            + "when contacts and PIRs alarm, e.g. 22:00-06:30 or 13:00-14:00,22:00-06:30; empty: only a person arms.")
    String armed_schedule() default "";

    @AttributeDefinition(name = "Siren/light pin", required = false, description = "BCM number or board channel of "
            + "an output switched on while an alarm is raised; empty: none.")
    String siren_pin() default "";

    @AttributeDefinition(name = "Siren active low")
    boolean siren_active_low() default false;

    @AttributeDefinition(name = "Siren seconds", min = "1", max = "900", description = "At most this long per alarm "
            + "(Italian municipal rules usually limit outdoor sirens to a few minutes).")
    int siren_seconds() default 180;
}
