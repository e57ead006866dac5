package org.microsmartgrid.cloud.kapua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microsmartgrid.cloud.kapua.config.CloudLinkConfig;
import org.microsmartgrid.cloud.kapua.config.CloudSettings;
import org.microsmartgrid.cloud.kapua.config.ConfigValidator;
import org.microsmartgrid.cloud.kapua.testing.EmbeddedBroker;
import org.microsmartgrid.cloud.kapua.testing.KapuaPeer;
import org.microsmartgrid.cloud.kapua.testing.TestSources;
import org.microsmartgrid.testing.ComponentConfigs;
import org.microsmartgrid.testing.Waits;

/**
 * The link over TLS, configured the way an installer does it (an ssl:// URL and a trust store holding the broker's
 * certificate): it connects and sends BIRTH; with a trust store that does not hold the broker's certificate it
 * refuses the broker and keeps its messages.
 */
class CloudLinkTlsTest {

    private static final String PASSWORD = "test-store-password";
    @TempDir
    Path dir;
    private EmbeddedBroker broker;
    private CloudLinkSession session;

    @AfterEach
    void stop() {
        if (session != null) session.close();
        if (broker != null) broker.close();
    }

    private static void keytool(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "keytool " + String.join(" ", args) + ": " + out);
    }

    /** A key pair for "127.0.0.1" in a PKCS12 store, its certificate, and a trust store holding that certificate. */
    private Path[] pki(String name) throws Exception {
        Path keys = dir.resolve(name + "-keys.p12");
        Path cert = dir.resolve(name + ".crt");
        Path trust = dir.resolve(name + "-trust.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=IP:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keys.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "broker", "-keystore", keys.toString(), "-storepass", PASSWORD, "-file",
                cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker-ca", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trust.toString(), "-storepass", PASSWORD);
        return new Path[] {keys, trust};
    }

    private CloudSettings settings(String url, Path trustStore) {
        Map<String, Object> v = new HashMap<>();
        v.put("broker.url", url);
        v.put("account.name", "milano");
        v.put("client.id", "tls-device");
        v.put("username", EmbeddedBroker.USER);
        v.put("password", EmbeddedBroker.PASSWORD);
        v.put("tls.truststore.path", trustStore.toString());
        v.put("tls.truststore.password", PASSWORD);
        v.put("reconnect.max.s", 1);
        v.put("outbox.path", dir.resolve("outbox").toString());
        CloudLinkConfig c = ComponentConfigs.of(CloudLinkConfig.class, v);
        return ConfigValidator.validate(c, k -> null, "0.1.0");
    }

    @Test
    void overTlsWithTheBrokersCertificateTrustedTheDeviceComesUp() throws Exception {
        Path[] pki = pki("good");
        broker = new EmbeddedBroker();
        String sslUrl = broker.enableTls(pki[0], PASSWORD);
        broker.start();
        try (KapuaPeer kapua = new KapuaPeer(broker.url(), "kapua-console").connect("$EDC/#")) {
            session = new CloudLinkSession(settings(sslUrl, pki[1]), new TestSources(), Clock.systemUTC());
            session.start();
            kapua.await(r -> r.topic().equals("$EDC/milano/tls-device/MQTT/BIRTH"), Duration.ofSeconds(15),
                    "BIRTH over TLS");
        }
    }

    @Test
    void aBrokerWhoseCertificateIsNotTrustedIsRefused() throws Exception {
        Path[] brokerPki = pki("broker");
        Path[] otherPki = pki("other");
        broker = new EmbeddedBroker();
        String sslUrl = broker.enableTls(brokerPki[0], PASSWORD);
        broker.start();
        try (KapuaPeer kapua = new KapuaPeer(broker.url(), "kapua-console").connect("$EDC/#", "milano/#")) {
            session = new CloudLinkSession(settings(sslUrl, otherPki[1]), new TestSources(), Clock.systemUTC());
            session.start();
            new TelemetryLoad(session).send(3, "untrusted");
            // two refused handshakes: a message could only have gone out through a connection made in between
            Waits.until("two connection attempts refused", () -> session.link().failedConnects() >= 2);
            assertTrue(kapua.received().isEmpty(), "nothing reached a broker the device does not trust: "
                    + kapua.received().stream().map(KapuaPeer.Received::topic).toList());
            assertTrue(session.outbox().size() >= 3, "the messages (and the first telemetry) wait in the outbox");
            assertTrue(!session.link().isConnected());
        }
    }
}
