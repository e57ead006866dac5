package org.microsmartgrid.city.registry.store;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = RegistryStoreConfig.PID, name = "Registro dei punti / Charging point registry",
        description = "Il database del registro della città / The city registry's database.")
public @interface RegistryStoreConfig {

    String PID = "org.microsmartgrid.city.registry.store.RegistryStore";

    @AttributeDefinition(name = "Percorso del database / Database path",
            description = "H2 database file (without .mv.db); ${msg.data} is the runtime's data directory.")
    String database_path() default "${msg.data}/city/registry";
}
