package org.microsmartgrid.coap;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Californium clients, plain and DTLS-PSK, on loopback with free ports; closes what it made. */
final class Clients implements AutoCloseable {

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final List<Endpoint> endpoints = new ArrayList<>();
    private final List<CoapClient> clients = new ArrayList<>();

    /** A plain CoAP client for coap://address/path. */
    CoapClient plain(InetSocketAddress server, String path) {
        CoapEndpoint endpoint = CoapEndpoint.builder().setConfiguration(config())
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        return client("coap://" + hostPort(server) + path, endpoint);
    }

    /** A CoAPS client presenting a PSK identity and key. */
    CoapClient dtls(InetSocketAddress server, String path, String identity, byte[] key) {
        Configuration config = config();
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress("127.0.0.1", 0))
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY)
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key)).build();
        CoapEndpoint endpoint = CoapEndpoint.builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
        return client("coaps://" + hostPort(server) + path, endpoint);
    }

    private CoapClient client(String uri, CoapEndpoint endpoint) {
        endpoints.add(endpoint);
        CoapClient client = new CoapClient(uri);
        client.setEndpoint(endpoint);
        client.setTimeout(10_000L);
        clients.add(client);
        return client;
    }

    private static Configuration config() {
        return Configuration.createStandardWithoutFile();
    }

    private static String hostPort(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    @Override
    public void close() {
        clients.forEach(CoapClient::shutdown);
        endpoints.forEach(Endpoint::destroy);
    }
}
