package org.microsmartgrid.building.notify;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = AlarmMailService.PID, name = "Alarm e-mails / Avvisi di allarme",
        description = "Tells the building's contact of every alarm (door left open or forced, contacts and PIRs while "
                + "armed, tamper, smoke, flood) by e-mail. docs/building-access.md")
public @interface AlarmMailConfig {

    @AttributeDefinition(name = "SMTP server", description = "Host name of the mail server the module sends through "
            + "(the building's provider or the city's relay).")
    String smtp_host() default "";

    @AttributeDefinition(name = "SMTP port", min = "1", max = "65535", description = "587 (submission, STARTTLS) "
            + "unless the provider says otherwise.")
    int smtp_port() default 587;

    @AttributeDefinition(name = "STARTTLS required", description = "Refuse to send over an unencrypted connection. "
            + "Off only for a relay on the building's own network.")
    boolean smtp_starttls() default true;

    @AttributeDefinition(name = "SMTP user", required = false, description = "Empty: no login.")
    String smtp_user() default "";

    @AttributeDefinition(name = "SMTP password", type = AttributeType.PASSWORD, required = false)
    String smtp_password() default "";

    @AttributeDefinition(name = "From", description = "Sender address, e.g. modulo@condominio-esempio.it")
    String from() default "";

    @AttributeDefinition(name = "To", description = "The building's contacts: 1 to 10 addresses separated by commas. "
            + "An operator's e-mail-to-SMS address works too.")
    String to() default "";

    @AttributeDefinition(name = "Site name", required = false, description = "Named in every mail, e.g. "
            + "\"Condominio via Larga 12\"; empty: the module's host name.")
    String site_name() default "";

    @AttributeDefinition(name = "Alarm types", required = false, description = "Only these types (comma-separated: "
            + "DOOR_LEFT_OPEN, DOOR_FORCED, CONTACT, PIR, TAMPER, SMOKE, FLOOD); empty: all.")
    String types() default "";

    @AttributeDefinition(name = "Tell when cleared", description = "Also a mail when an alarm ends.")
    boolean notify_cleared() default true;

    @AttributeDefinition(name = "Quiet minutes", min = "0", max = "1440", description = "After a mail for an alarm "
            + "source, its next raises within this time are counted and told in one later mail, not one each "
            + "(a flapping sensor must not flood the contact). Smoke and flood are never held back.")
    int quiet_minutes() default 10;
}
