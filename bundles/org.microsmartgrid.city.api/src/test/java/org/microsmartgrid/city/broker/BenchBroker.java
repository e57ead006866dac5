package org.microsmartgrid.city.broker;

import java.io.IOException;
import java.util.List;
import java.util.Properties;

import org.microsmartgrid.city.ingest.InboundMessages;

import io.moquette.broker.Server;

/**
 * The city's embedded broker exactly as {@link CityBroker} starts it (Moquette, our access rules, {@link ToIngest}),
 * for the city.api benchmarks that time the whole path module → broker → ingest → registry → API
 * (docs/benchmarks.md §12–§13). In this package only because {@link CityBroker#startServer} is package-private.
 */
public final class BenchBroker {

    private BenchBroker() {
    }

    /** Starts it on 127.0.0.1:{@code port} for these module credentials. */
    public static Server start(int port, InboundMessages ingest, List<ModuleCredential> modules) throws IOException {
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("netty.mqtt.message_size", "262144");
        CityBroker.secure(p);
        ModuleCredentials creds = ModuleCredentials.parse(
                modules.stream().map(ModuleCredential::format).toArray(String[]::new), new java.util.ArrayList<>());
        return CityBroker.startServer(p, ingest, () -> creds);
    }
}
