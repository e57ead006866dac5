package org.microsmartgrid.city.broker.external;

import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.microsmartgrid.city.ingest.InboundMessages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The city runtime as a client of an external MQTT broker (Kapua's, mosquitto, ...) instead of the embedded one:
 * several instances subscribe with one shared subscription group ({@code $share/city/...}), so the broker hands each
 * message to one of them.
 *
 * <p>The modules' lifecycle messages (BIRTH, DC, LWT: few, idempotent in the registry) go to every instance
 * unshared: mosquitto 2.0 delivers nothing to a shared subscription whose filter starts with {@code $}, and every
 * instance then knows a module before its data arrives.
 *
 * <p>Nothing acknowledged is lost: a message is applied to the registry on Paho's thread and Paho acknowledges it
 * (PUBACK) only when {@code messageArrived} returns. The session is persistent (clean session off, a stable client
 * id per instance): what the broker had sent to an instance that dies unacknowledged, or queued for it meanwhile, is
 * delivered when that instance (or a replacement with its client id) reconnects. Shared subscriptions are MQTT 5's;
 * mosquitto, EMQX, HiveMQ and others accept them from MQTT 3.1.1 clients too, which is what Paho's OSGi bundle is
 * (the MQTT 5 jar's manifest exports only one of its packages).
 */
@Component(configurationPid = ExternalBrokerConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = ConfigurableComponent.class)
@Designate(ocd = ExternalBrokerConfig.class)
public final class ExternalBrokerLink implements ConfigurableComponent, MqttCallbackExtended {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalBrokerLink.class);

    @Reference
    private InboundMessages ingest;

    private MqttClient client;
    private String[] filters;
    private ScheduledExecutorService connector;
    /** The broker granted this instance's subscriptions and the connection has not been lost since. */
    private volatile boolean subscribed;

    /** For DS. */
    public ExternalBrokerLink() {
    }

    /** For tests: without OSGi. */
    public ExternalBrokerLink(InboundMessages ingest) {
        this.ingest = ingest;
    }

    @Activate
    public void activate(ExternalBrokerConfig c) throws MqttException {
        filters = allFilters(c.share_group(), c.topic_filters(), c.every_instance_filters());
        String url = c.broker_url() == null ? "" : c.broker_url().strip();
        if (!url.startsWith("tcp://") && !url.startsWith("ssl://"))
            throw new IllegalArgumentException("broker.url must be tcp://host:port or ssl://host:port: " + url);
        String id = c.client_id() == null ? "" : c.client_id().strip();
        if (id.isEmpty() || id.contains("/") || id.contains("+") || id.contains("#"))
            throw new IllegalArgumentException("client.id must be set, one per instance, without / + #: '" + id + "'");
        client = new MqttClient(url, id, new MemoryPersistence());
        client.setCallback(this);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false); // the broker keeps what this instance has not acknowledged
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(c.reconnect_max_s() * 1000);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(10);
        if (c.username() != null && !c.username().isBlank()) o.setUserName(c.username());
        if (c.password() != null && !c.password().isEmpty()) o.setPassword(c.password().toCharArray());
        // Paho reconnects by itself only after a first success: until then, try again here
        connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msg-city-external-broker-connect");
            t.setDaemon(true);
            return t;
        });
        int retry = Math.min(5, c.reconnect_max_s());
        connector.execute(() -> connectUntilDone(o, url, retry));
    }

    private void connectUntilDone(MqttConnectOptions o, String url, int retryS) {
        try {
            client.connect(o);
        } catch (MqttException e) {
            LOG.warn("external MQTT broker {} not reachable ({}); retrying in {} s / broker non raggiungibile", url,
                    e.getMessage(), retryS);
            if (!connector.isShutdown()) connector.schedule(() -> connectUntilDone(o, url, retryS), retryS, TimeUnit.SECONDS);
        }
    }

    /** The shared filters with their {@code $share/{group}/} prefix, then the ones every instance subscribes to. */
    static String[] allFilters(String group, String[] shared, String[] everyInstance) {
        String[] s = sharedFilters(group, shared);
        String[] e = everyInstance == null ? new String[0] : Arrays.stream(everyInstance).map(f -> {
            if (f == null || f.isBlank() || f.startsWith("$share/"))
                throw new IllegalArgumentException("every.instance.filters: '" + f + "'");
            return f.strip();
        }).toArray(String[]::new);
        if (s.length + e.length == 0) throw new IllegalArgumentException("topic.filters and every.instance.filters are empty");
        String[] all = Arrays.copyOf(s, s.length + e.length);
        System.arraycopy(e, 0, all, s.length, e.length);
        return all;
    }

    /** {@code $share/{group}/{filter}} for each filter; a bad group or filter is refused with a clear message. */
    static String[] sharedFilters(String group, String[] filters) {
        if (group == null || group.isBlank() || group.contains("/") || group.contains("+") || group.contains("#"))
            throw new IllegalArgumentException("share.group must be a name without / + #: '" + group + "'");
        // none shared: one instance on a broker whose shared subscriptions a 3.1.1 client cannot use (Kapua mode)
        if (filters == null || filters.length == 0) return new String[0];
        return Arrays.stream(filters).map(f -> {
            if (f == null || f.isBlank() || f.startsWith("$share/"))
                throw new IllegalArgumentException("topic.filters: '" + f + "' (the $share/{group}/ prefix is added)");
            return "$share/" + group.strip() + "/" + f.strip();
        }).toArray(String[]::new);
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // not on Paho's callback thread: a persistent session's queued messages arrive at once and would block it,
        // so the SUBACK could never be read
        ScheduledExecutorService s = connector;
        if (s != null && !s.isShutdown()) s.execute(() -> subscribe(reconnect, serverURI));
    }

    private void subscribe(boolean reconnect, String serverURI) {
        try {
            // the persistent session may already hold them (or the broker lost it): subscribing again is harmless
            int[] qos = new int[filters.length];
            Arrays.fill(qos, 1);
            int[] granted = client.subscribeWithResponse(filters, qos).getGrantedQos();
            boolean all = true;
            for (int i = 0; i < granted.length; i++) {
                if (granted[i] > 2) {
                    LOG.error("the broker refused the subscription {} (code {})", filters[i], granted[i]);
                    all = false;
                }
            }
            LOG.info("{} external MQTT broker {} as {}: subscribed to {}", reconnect ? "Reconnected to" : "Connected to",
                    serverURI, client.getClientId(), String.join(", ", filters));
            subscribed = all;
        } catch (MqttException e) {
            LOG.error("subscribing on {} failed: {}", serverURI, e.toString());
        }
    }

    /**
     * Whether modules' messages reach this instance now: connected, and the broker granted its subscriptions (a
     * message published before that, on a first connection, is not this instance's).
     */
    public boolean subscribed() {
        return subscribed;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        ingest.applyNow(topic, message.getPayload()); // never throws; Paho acknowledges when this returns
    }

    @Override
    public void connectionLost(Throwable cause) {
        subscribed = false;
        LOG.warn("connection to the external MQTT broker lost ({}); reconnecting / connessione persa", cause.toString());
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // this link publishes nothing
    }

    @Deactivate
    public void deactivate() {
        if (connector != null) connector.shutdownNow();
        if (client == null) return;
        try {
            if (client.isConnected()) client.disconnect(5000); // the session stays: the broker keeps this instance's share
            client.close(true);
            LOG.info("disconnected from the external MQTT broker / disconnesso dal broker esterno");
        } catch (MqttException e) {
            LOG.warn("closing the external broker link: {}", e.toString());
        }
    }
}
