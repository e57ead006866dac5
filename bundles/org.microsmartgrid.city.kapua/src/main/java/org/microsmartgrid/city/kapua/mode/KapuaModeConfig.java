package org.microsmartgrid.city.kapua.mode;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = KapuaModeConfig.PID, name = "Modalità Kapua / Kapua mode",
        description = "I moduli e il loro stato di connessione da Eclipse Kapua (API REST) / The modules and their "
                + "connection states from Eclipse Kapua (REST API). Live data: the external broker link on Kapua's "
                + "broker. docs/kapua.md")
public @interface KapuaModeConfig {

    String PID = "org.microsmartgrid.city.kapua.KapuaMode";

    @AttributeDefinition(name = "URL dell'API REST di Kapua / Kapua REST API URL",
            description = "Up to /v1, e.g. https://kapua.example.org:8443/v1")
    String api_url();

    @AttributeDefinition(name = "Account Kapua / Kapua account",
            description = "The account the modules publish under (first topic level), e.g. milano")
    String account();

    @AttributeDefinition(name = "Scope id", description = "The account's compact id, or _ for the user's own account")
    String scope_id() default "_";

    @AttributeDefinition(name = "Utente / User", required = false,
            description = "The city runtime's Kapua user: reads, and sends the CITY-V1 requests (device_management:execute, "
                    + "docs/kapua.md); or leave empty and give an API key")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD, required = false)
    String api_key() default "";

    @AttributeDefinition(name = "Intervallo (s) / Interval (s)", min = "5", max = "3600",
            description = "How often the device list is read")
    int poll_interval_s() default 30;

    @AttributeDefinition(name = "Dimensione pagina / Page size", min = "1", max = "500")
    int page_size() default 100;

    @AttributeDefinition(name = "Timeout (s)", min = "1", max = "120")
    int timeout_s() default 10;
}
