package org.microsmartgrid.console;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = InstallerAuthentication.PID,
        name = "Installer login / Accesso installatori",
        description = "Who may log in to this web console. Without a valid configuration the console stays closed: "
                + "there is no default account. / Chi può accedere a questa console. Senza una configurazione valida "
                + "la console resta chiusa: non esiste un account predefinito.")
public @interface InstallerAuthenticationConfig {

    // a password attribute: the hashes are masked in Kapua's CONF-V1 and the web console, and a form sent back
    // unchanged keeps them (an offline guess at a PBKDF2 hash is still a guess at the installer's password)
    @AttributeDefinition(name = "Installers / Installatori", type = AttributeType.PASSWORD,
            description = "One entry per installer: name:pbkdf2-sha256$<iterations>$<salt>$<hash>, printed by "
                    + "'java -cp org.microsmartgrid.console.jar org.microsmartgrid.console.HashPassword <name>'. "
                    + "/ Una riga per installatore, come la stampa HashPassword.")
    String[] users();

    @AttributeDefinition(name = "Failures before slowing down / Errori prima del rallentamento", min = "1", max = "100",
            description = "Wrong logins in a row for one account from one address (or one known browser) before its attempts must wait.")
    int failuresBeforeLockout() default 5;

    @AttributeDefinition(name = "First wait (s) / Prima attesa (s)", min = "1", max = "3600",
            description = "The first wait; it doubles with each further failure.")
    int lockoutSeconds() default 60;

    @AttributeDefinition(name = "Longest wait (s) / Attesa massima (s)", min = "1", max = "86400",
            description = "The doubling stops here.")
    int lockoutMaxSeconds() default 900;

    @AttributeDefinition(name = "Remember a verified password (s) / Memoria password verificata (s)", min = "0", max = "3600",
            description = "How long a password checked once is recognised without the slow hash (0: never). "
                    + "Keeps console pages fast on a Raspberry Pi.")
    int verifiedCacheSeconds() default 600;
}
