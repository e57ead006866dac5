package org.microsmartgrid.cloud.management.command;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = CommandHandler.PID, name = "Comandi di diagnostica (CMD-V1) / Diagnostic commands",
        description = "Solo pochi comandi di diagnostica fissi (uptime, df -h, free -m, ip addr, date, uname -a), senza "
                + "shell. Disattivato se non abilitato. / Only a few fixed diagnostic commands, run without a shell. "
                + "Off unless enabled.")
public @interface CommandHandlerConfig {

    @AttributeDefinition(name = "Abilitato / Enabled",
            description = "Permette a Kapua di eseguire i comandi di diagnostica. / Lets Kapua run the diagnostic commands.")
    boolean enabled() default false;

    @AttributeDefinition(name = "Tempo massimo (s) / Timeout (s)", min = "1", max = "60",
            description = "Un comando ancora in corso dopo questo tempo viene terminato. / A command still running "
                    + "after this time is killed.")
    int timeout_s() default 10;

    @AttributeDefinition(name = "Uscita massima (byte) / Output cap (bytes)", min = "1024", max = "1048576",
            description = "Quanto di stdout e di stderr viene restituito, al massimo. / The most of stdout and of stderr "
                    + "sent back.")
    int output_max_bytes() default 65536;
}
