package org.microsmartgrid.city.people;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = PeopleConfig.PID, name = "Persone e punti / People and power",
        description = "Account, punti elencati dalle persone, moderazione, recensioni / Accounts, points listed by people, "
                + "moderation, reviews (docs/people.md).")
public @interface PeopleConfig {

    String PID = "org.microsmartgrid.city.people.PeopleService";

    @AttributeDefinition(name = "Percorso del database / Database path",
            description = "H2 database file (without .mv.db); ${msg.data} is the runtime's data directory.")
    String database_path() default "${msg.data}/city/people";

    @AttributeDefinition(name = "Indirizzo pubblico / Public URL",
            description = "Where people open the map page; links in mails start with it.")
    String public_url() default "http://localhost:8090";

    @AttributeDefinition(name = "Mittente / Sender", description = "From address of the mails.")
    String mail_from() default "Micro Smart Grid <noreply@localhost>";

    @AttributeDefinition(name = "Server SMTP / SMTP host",
            description = "Empty: mails are written as .eml files into the mail folder (demo, no mail server).")
    String smtp_host() default "";

    @AttributeDefinition(name = "Porta SMTP / SMTP port", min = "1", max = "65535")
    int smtp_port() default 587;

    @AttributeDefinition(name = "STARTTLS obbligatorio / STARTTLS required")
    boolean smtp_starttls() default true;

    @AttributeDefinition(name = "Utente SMTP / SMTP user", required = false)
    String smtp_user() default "";

    @AttributeDefinition(name = "Password SMTP / SMTP password", type = AttributeType.PASSWORD, required = false)
    String smtp_password() default "";

    @AttributeDefinition(name = "Cartella della posta / Mail folder",
            description = "Where mails go when no SMTP host is set.")
    String mail_folder() default "${msg.data}/city/mail-outbox";

    @AttributeDefinition(name = "Iterazioni PBKDF2 / PBKDF2 iterations", min = "210000", max = "10000000")
    int password_iterations() default 600_000;

    @AttributeDefinition(name = "Mail per indirizzo all'ora / Mails per address per hour", min = "1", max = "100000",
            description = "Sign-ups and password-reset requests one client address may make in an hour (a flood of "
                    + "mails to strangers stops here).")
    int mails_per_address_per_hour() default 20;

    @AttributeDefinition(name = "Staff", required = false,
            description = "role:e-mail, e.g. OPERATOR:it@comune.milano.it or MODERATOR:…; each gets the role, and a new "
                    + "account a mail to choose its password (no default password exists).")
    String[] staff() default {};
}
