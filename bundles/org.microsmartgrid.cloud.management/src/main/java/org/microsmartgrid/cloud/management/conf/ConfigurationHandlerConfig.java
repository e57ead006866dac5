package org.microsmartgrid.cloud.management.conf;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = ConfigurationHandler.PID, name = "Configurazione remota (CONF-V1) / Remote configuration",
        description = "Configurazione dei componenti da Kapua, con istantanee per tornare indietro. / Configuring the "
                + "components from Kapua's console, with snapshots to roll back to.")
public @interface ConfigurationHandlerConfig {

    @AttributeDefinition(name = "Istantanee conservate / Snapshots kept", min = "1", max = "100",
            description = "Quante istantanee della configurazione tenere (le più vecchie sono cancellate). / How many "
                    + "configuration snapshots to keep (the oldest are deleted); one is taken before every change.")
    int snapshots_max() default 10;
}
