package org.microsmartgrid.city.ocpi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = OcpiConfig.PID, name = "OCPI 2.2.1 (partner) / OCPI 2.2.1 (partners)",
        description = "La città come CPO, modulo Locations (Sender), per i partner (piattaforme di roaming, PUN) / "
                + "The city as a CPO, Sender of the Locations module, for partners (docs/ocpi.md).")
public @interface OcpiConfig {

    String PID = "org.microsmartgrid.city.ocpi.Ocpi";

    @AttributeDefinition(name = "party_id", description = "ISO 15118 party id of the city as a CPO: three capital "
            + "letters or digits (country_code is IT). Required.")
    String party_id() default "";

    @AttributeDefinition(name = "Token dei partner / Partner tokens", cardinality = 1000, required = false,
            description = "One per partner: \"{partner} sha256:{salt}:{hash}\", issued with "
                    + "java -jar org.microsmartgrid.city.ocpi.jar {partner} (docs/ocpi.md). None = nobody gets in.")
    String[] partners() default {};

    @AttributeDefinition(name = "URL pubblico / Public URL", required = false,
            description = "How partners reach this server, e.g. https://city.example.org (behind a proxy); the "
                    + "version and paging links start with it. Empty: taken from each request.")
    String public_url() default "";

    @AttributeDefinition(name = "Città predefinita / Default city", required = false,
            description = "The city stated for points that have none (OCPI requires one), e.g. Milano.")
    String default_city() default "";

    @AttributeDefinition(name = "Nome dell'operatore / Operator name", required = false,
            description = "OCPI operator.name of every location (at most 100 characters); empty = not stated.")
    String operator_name() default "";

    @AttributeDefinition(name = "Pagina massima / Largest page", min = "1", max = "1000",
            description = "X-Limit: the most locations one answer holds; a larger limit asked is lowered to it.")
    int max_limit() default 100;
}
