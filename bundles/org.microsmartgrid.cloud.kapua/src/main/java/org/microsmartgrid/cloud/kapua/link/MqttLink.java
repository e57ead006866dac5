package org.microsmartgrid.cloud.kapua.link;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.microsmartgrid.cloud.kapua.outbox.Outbox;
import org.microsmartgrid.cloud.kapua.outbox.OutboxMessage;
import org.microsmartgrid.cloud.kapua.topic.KuraTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT session with the broker (Eclipse Paho), as Kura runs it: clean session, the LWT set on connect, on every
 * connect a subscription to the device's control namespace and then BIRTH, and the outbox drained in order with at
 * most {@code window} messages in flight. A message leaves the outbox only on the broker's PUBACK (QoS 1); after a
 * lost connection everything not acknowledged is sent again, in order (receivers drop duplicates by message id).
 *
 * <p>All state changes run on one thread ("msg-cloud"); Paho's callbacks only hand work to it.
 */
public final class MqttLink implements MqttCallback, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
    private static final int QOS = 1;
    private static final int ACK_BATCH = 100;
    private static final long ACK_FLUSH_MS = 100;

    private final LinkSettings settings;
    private final KuraTopics topics;
    private final Outbox outbox;
    private final Supplier<byte[]> birth;
    private final Supplier<byte[]> disconnect;
    private final BiConsumer<String, byte[]> onControl;
    private final ScheduledExecutorService worker;
    private final MqttAsyncClient client;

    // worker-thread state
    private boolean closing;
    private boolean connected;
    private long lastSentSeq;
    private int inFlight;
    /** Acknowledged, not yet deleted from the outbox: deleted together (fewer commits, less disk churn). */
    private final List<Long> acked = new ArrayList<>();
    private boolean flushScheduled;
    private Duration nextWait;
    private volatile long connects;
    private volatile long failedConnects;
    private volatile long delivered;

    /**
     * @param birth      the BIRTH payload, built at each connect (uptime changes)
     * @param disconnect the DC payload
     * @param onControl  a message on the control namespace (topic, payload); called on Paho's thread: hand off fast
     */
    public MqttLink(LinkSettings settings, KuraTopics topics, Outbox outbox, Supplier<byte[]> birth,
                    Supplier<byte[]> disconnect, BiConsumer<String, byte[]> onControl) throws MqttException {
        this.settings = settings;
        this.topics = topics;
        this.outbox = outbox;
        this.birth = birth;
        this.disconnect = disconnect;
        this.onControl = onControl;
        this.nextWait = settings.reconnectMin();
        this.client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        this.client.setCallback(this);
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msg-cloud");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        worker.execute(this::connect);
    }

    /** A message was added to the outbox: send it when possible. */
    public void wake() {
        worker.execute(this::drain);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Connections made since start. */
    public long connects() {
        return connects;
    }

    /**
     * Connection attempts that failed since start: a broker down or unreachable, a TLS handshake refused (a
     * certificate not trusted), a login refused. Written only by the link's own thread.
     */
    public long failedConnects() {
        return failedConnects;
    }

    /** Messages acknowledged by the broker since start. */
    public long delivered() {
        return delivered;
    }

    /** Publishes outside the outbox (request replies, APPS): sent now when connected, else dropped. */
    public boolean publishNow(String topic, byte[] payload) {
        if (!client.isConnected()) return false;
        try {
            client.publish(topic, payload, QOS, false);
            return true;
        } catch (MqttException e) {
            LOG.warn("publish on {} failed: {}", topic, e.getMessage());
            return false;
        }
    }

    private MqttConnectOptions options() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(false); // our own loop: Paho's does not retry a first connect that fails
        o.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        o.setConnectionTimeout(30);
        o.setMaxInflight(Math.max(10, settings.window() * 2));
        o.setWill(topics.lastWill(), new byte[0], QOS, false);
        if (settings.username() != null) o.setUserName(settings.username());
        if (settings.password() != null) o.setPassword(settings.password());
        if (settings.socketFactory() != null) o.setSocketFactory(settings.socketFactory());
        return o;
    }

    private void connect() {
        if (closing || client.isConnected()) return;
        try {
            client.connect(options(), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    worker.execute(MqttLink.this::connected);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    worker.execute(() -> connectFailed(e));
                }
            });
        } catch (MqttException e) {
            connectFailed(e);
        }
    }

    private void connectFailed(Throwable e) {
        failedConnects++;
        retryLater("connect to " + settings.brokerUrl() + " failed: " + reason(e));
    }

    private void connected() {
        if (closing) return;
        try {
            client.subscribe(topics.controlFilter(), QOS).waitForCompletion(30_000);
            client.publish(topics.birth(), birth.get(), QOS, false);
        } catch (MqttException e) {
            LOG.warn("after connecting: {}", reason(e));
            forceReconnect();
            return;
        }
        connected = true;
        connects++;
        nextWait = settings.reconnectMin();
        flushAcks();
        lastSentSeq = 0;
        inFlight = 0;
        LOG.info("connected to {} as {}; {} message(s) waiting in the outbox", settings.brokerUrl(),
                settings.clientId(), outbox.size());
        drain();
    }

    private void drain() {
        if (!connected || closing) return;
        try {
            int room = settings.window() - inFlight;
            if (room <= 0) return;
            List<OutboxMessage> batch = outbox.next(lastSentSeq, room);
            for (OutboxMessage m : batch) {
                client.publish(m.topic(), m.payload(), QOS, false, m.seq(), new IMqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        worker.execute(() -> acknowledged(m.seq()));
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable e) {
                        // the connection is going down: connectionLost resends from the outbox
                    }
                });
                lastSentSeq = m.seq();
                inFlight++;
            }
        } catch (MqttException e) {
            LOG.debug("publish refused ({}); will resend after reconnect", reason(e));
        } catch (SQLException e) {
            LOG.error("outbox unreadable: {}", e.getMessage());
        }
    }

    private void acknowledged(long seq) {
        inFlight = Math.max(0, inFlight - 1);
        acked.add(seq);
        if (acked.size() >= ACK_BATCH) flushAcks();
        else if (!flushScheduled) {
            flushScheduled = true;
            worker.schedule(this::flushAcks, ACK_FLUSH_MS, TimeUnit.MILLISECONDS);
        }
        drain();
    }

    /**
     * Deletes what the broker acknowledged. A crash before this only means those messages are sent again after the
     * restart (receivers drop duplicates by id): never a loss.
     */
    private void flushAcks() {
        flushScheduled = false;
        if (acked.isEmpty()) return;
        try {
            outbox.delivered(acked);
            delivered += acked.size();
        } catch (SQLException e) {
            LOG.error("outbox: cannot remove {} delivered message(s): {}", acked.size(), e.getMessage());
        }
        acked.clear();
    }

    private void retryLater(String why) {
        connected = false;
        if (closing) return;
        LOG.warn("{}; next attempt in {} s", why, nextWait.toMillis() / 1000.0);
        worker.schedule(this::connect, nextWait.toMillis(), TimeUnit.MILLISECONDS);
        Duration doubled = nextWait.multipliedBy(2);
        nextWait = doubled.compareTo(settings.reconnectMax()) > 0 ? settings.reconnectMax() : doubled;
    }

    private void forceReconnect() {
        try {
            client.disconnectForcibly(0, 1000, false);
        } catch (MqttException e) {
            // already down
        }
        retryLater("connection reset");
    }

    @Override
    public void connectionLost(Throwable cause) {
        worker.execute(() -> {
            flushAcks();
            inFlight = 0;
            lastSentSeq = 0;
            retryLater("connection to " + settings.brokerUrl() + " lost: " + reason(cause));
        });
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        onControl.accept(topic, message.getPayload());
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // handled per message by its action listener
    }

    /** Clean shutdown: DC, then disconnect (the broker does not send the LWT). Undelivered messages stay queued. */
    @Override
    public void close() {
        try {
            worker.submit(() -> {
                closing = true;
                flushAcks();
                if (client.isConnected()) {
                    try {
                        client.publish(topics.disconnect(), disconnect.get(), QOS, false).waitForCompletion(5_000);
                        client.disconnect(5_000).waitForCompletion(6_000);
                    } catch (MqttException e) {
                        LOG.debug("disconnect: {}", reason(e));
                    }
                }
            }).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("clean disconnect did not finish: {}", e.toString());
        }
        worker.shutdownNow();
        try {
            if (client.isConnected()) client.disconnectForcibly(0, 1000, false);
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("close: {}", reason(e));
        }
    }

    private static String reason(Throwable e) {
        if (e == null) return "unknown";
        Throwable root = e.getCause() != null ? e.getCause() : e;
        return e.getMessage() + (root != e ? " (" + root + ")" : "");
    }
}
