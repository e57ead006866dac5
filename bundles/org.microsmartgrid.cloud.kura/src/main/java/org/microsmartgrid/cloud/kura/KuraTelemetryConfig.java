package org.microsmartgrid.cloud.kura;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = KuraTelemetryConfig.PID, name = "Telemetria via Kura / Telemetry through Kura",
        description = "Invia la telemetria del modulo (sito, prese, eventi, sessioni) tramite un Cloud Publisher di "
                + "Kura. / Sends the module's telemetry (site, sockets, events, sessions) through a Kura Cloud "
                + "Publisher: set the publisher's Application Id to msg, its Application Topic to $resource and "
                + "its QoS to 1 (docs/kura-gateway.md).")
public @interface KuraTelemetryConfig {

    String PID = "org.microsmartgrid.cloud.kura.KuraTelemetry";

    /** Kura's console shows a publisher picker for an attribute named {@code CloudPublisher.target}. */
    @AttributeDefinition(name = "CloudPublisher Target Filter",
            description = "Il Cloud Publisher da usare, come filtro OSGi sul suo pid. / The Cloud Publisher to use, "
                    + "as an OSGi filter on its pid, e.g. (kura.service.pid=msg-publisher).")
    String CloudPublisher_target() default "(kura.service.pid=changeme)";

    @AttributeDefinition(name = "Intervallo telemetria / Telemetry interval (s)", min = "1", max = "3600",
            description = "Site and sockets are sent at this interval; availability changes at once.")
    int telemetry_interval_s() default 10;
}
