package org.microsmartgrid.cloud.kapua.config;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.microsmartgrid.cloud.kapua.lifecycle.DeviceFacts;
import org.microsmartgrid.cloud.kapua.lifecycle.DeviceIdentity;
import org.microsmartgrid.cloud.kapua.link.LinkSettings;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.cloud.kapua.topic.KuraTopics;

/**
 * Checks every value of a {@link CloudLinkConfig} and says all that is wrong at once; nothing is started with a bad
 * value.
 */
public final class ConfigValidator {

    private ConfigValidator() {
    }

    /**
     * @param properties framework/system property lookup (for {@code msg.data})
     * @param version    this bundle's version, reported as the firmware version
     * @throws IllegalArgumentException listing every bad value
     */
    public static CloudSettings validate(CloudLinkConfig c, Function<String, String> properties, String version) {
        List<String> errors = new ArrayList<>();
        String url = trim(c.broker_url());
        try {
            URI u = new URI(url);
            if (!("tcp".equals(u.getScheme()) || "ssl".equals(u.getScheme())) || u.getHost() == null)
                errors.add("broker.url must be tcp://host:port or ssl://host:port, got '" + url + "'");
        } catch (URISyntaxException e) {
            errors.add("broker.url is not a URL: " + e.getMessage());
        }
        String account = trim(c.account_name());
        String client = trim(c.client_id()).isEmpty() ? DeviceFacts.defaultClientId() : trim(c.client_id());
        KuraTopics topics = null;
        try {
            topics = new KuraTopics(account, client);
        } catch (IllegalArgumentException e) {
            errors.add("account.name / client.id: " + e.getMessage());
        }
        if (client.length() > 64) errors.add("client.id is longer than 64 characters");
        range(errors, "keep.alive.s", c.keep_alive_s(), 5, 3600);
        range(errors, "reconnect.min.s", c.reconnect_min_s(), 1, 600);
        range(errors, "reconnect.max.s", c.reconnect_max_s(), 1, 3600);
        if (c.reconnect_max_s() < c.reconnect_min_s()) errors.add("reconnect.max.s must be >= reconnect.min.s");
        range(errors, "telemetry.interval.s", c.telemetry_interval_s(), 1, 3600);
        range(errors, "outbox.max.messages", c.outbox_max_messages(), 10, 10_000_000);
        range(errors, "inflight.window", c.inflight_window(), 1, 1000);
        String user = trim(c.username());
        String password = c.password() == null ? "" : c.password();
        if (user.isEmpty() && !password.isEmpty()) errors.add("password is set without a username");

        KuraMessage.Position position = null;
        String lat = trim(c.position_latitude());
        String lon = trim(c.position_longitude());
        if (lat.isEmpty() != lon.isEmpty()) errors.add("position needs both latitude and longitude, or neither");
        else if (!lat.isEmpty()) {
            try {
                position = new KuraMessage.Position(Double.parseDouble(lat), Double.parseDouble(lon), null);
            } catch (IllegalArgumentException e) {
                errors.add("position: " + e.getMessage());
            }
        }

        SocketFactory sockets = null;
        String trustStore = trim(c.tls_truststore_path());
        if (!trustStore.isEmpty()) {
            if (!url.startsWith("ssl://")) errors.add("tls.truststore.path is set but broker.url is not ssl://");
            try {
                sockets = socketFactory(Path.of(trustStore), c.tls_truststore_password());
            } catch (Exception e) {
                errors.add("tls.truststore.path " + trustStore + " unusable: " + e.getMessage());
            }
        }

        String data = properties.apply("msg.data");
        String outbox = trim(c.outbox_path()).replace("${msg.data}", data == null || data.isBlank() ? "data" : data);
        if (outbox.isEmpty()) errors.add("outbox.path is empty");

        if (!errors.isEmpty())
            throw new IllegalArgumentException(CloudLinkConfig.PID + ": invalid configuration: " + String.join("; ", errors));
        LinkSettings link = new LinkSettings(url, client, user.isEmpty() ? null : user,
                password.isEmpty() ? null : password.toCharArray(), Duration.ofSeconds(c.keep_alive_s()),
                Duration.ofSeconds(c.reconnect_min_s()), Duration.ofSeconds(c.reconnect_max_s()), c.inflight_window(),
                sockets);
        DeviceIdentity identity = new DeviceIdentity(trim(c.display_name()), trim(c.model_name()), trim(c.model_id()),
                trim(c.part_number()), trim(c.serial_number()), version);
        return new CloudSettings(link, topics, identity, position, Duration.ofSeconds(c.telemetry_interval_s()),
                Path.of(outbox), c.outbox_max_messages(), c.payload_gzip());
    }

    private static SocketFactory socketFactory(Path file, String password) throws Exception {
        char[] pw = password == null || password.isEmpty() ? null : password.toCharArray();
        KeyStore ks;
        try (InputStream in = Files.newInputStream(file)) {
            ks = KeyStore.getInstance(file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
            ks.load(in, pw);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }

    private static void range(List<String> errors, String name, int v, int min, int max) {
        if (v < min || v > max) errors.add(name + " = " + v + " is out of range [" + min + ", " + max + "]");
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
