package org.microsmartgrid.city.api;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = LiveRegistryConfig.PID, name = "Ricerca ed eventi pubblici / Public search and events",
        description = "L'indice di ricerca in memoria e gli eventi di disponibilità (SSE) / The in-memory search index "
                + "and the availability events (SSE).")
public @interface LiveRegistryConfig {

    String PID = "org.microsmartgrid.city.api.LiveRegistry";

    @AttributeDefinition(name = "Eventi ripetibili / Replay buffer",
            description = "How many of the latest availability changes a reconnecting client can resume from "
                    + "(Last-Event-ID); older ids get a 'reload' event.", min = "1", max = "1000000")
    int replay_buffer() default 10_000;

    @AttributeDefinition(name = "Client SSE massimi / Most SSE clients",
            description = "Connections to /api/v1/events at once; more get 503.", min = "1", max = "100000")
    int sse_clients_max() default 200;

    @AttributeDefinition(name = "Coda per client / Queue per client",
            description = "Events waiting to be written to one client; a client that lets it fill up is dropped "
                    + "(its browser reconnects and resumes).", min = "16", max = "1000000")
    int sse_client_queue() default 1_000;

    @AttributeDefinition(name = "Battito / Heartbeat (s)",
            description = "A comment line to every client this often, so proxies keep idle streams open.",
            min = "1", max = "300")
    int sse_heartbeat_s() default 15;
}
