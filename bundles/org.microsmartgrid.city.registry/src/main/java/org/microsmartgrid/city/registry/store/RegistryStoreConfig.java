package org.microsmartgrid.city.registry.store;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = RegistryStoreConfig.PID, name = "Registro dei punti / Charging point registry",
        description = "Il database del registro della città: H2 integrato, oppure PostgreSQL condiviso da più istanze / "
                + "The city registry's database: embedded H2, or PostgreSQL shared by several instances.")
public @interface RegistryStoreConfig {

    String PID = "org.microsmartgrid.city.registry.store.RegistryStore";

    @AttributeDefinition(name = "Percorso del database / Database path",
            description = "H2 database file (without .mv.db), used when jdbc.url is empty; ${msg.data} is the "
                    + "runtime's data directory.")
    String database_path() default "${msg.data}/city/registry";

    @AttributeDefinition(name = "URL JDBC (PostgreSQL) / JDBC URL (PostgreSQL)", required = false,
            description = "Empty: the embedded H2 database. jdbc:postgresql://host:5432/db: PostgreSQL, which several "
                    + "city runtime instances can share (docs/city-runtime.md).")
    String jdbc_url() default "";

    @AttributeDefinition(name = "Utente del database / Database user", required = false)
    String jdbc_user() default "";

    @AttributeDefinition(name = "Password del database / Database password", type = AttributeType.PASSWORD,
            required = false)
    String jdbc_password() default "";

    @AttributeDefinition(name = "Connessioni / Connections", min = "1", max = "64",
            description = "Most connections this instance keeps open.")
    int pool_size() default 8;
}
