package org.microsmartgrid.cloud.kapua.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

/** What Kapua's broker-side consumers do, as a plain Paho client: subscribe to everything, send requests. */
public final class KapuaPeer implements AutoCloseable {

    /** A message received, decoded. */
    public record Received(String topic, KuraMessage message, byte[] raw) {
    }

    private final MqttClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public KapuaPeer(String url, String clientId) throws MqttException {
        client = new MqttClient(url, clientId, new MemoryPersistence());
    }

    public KapuaPeer connect(String... filters) throws MqttException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(EmbeddedBroker.USER);
        o.setPassword(EmbeddedBroker.PASSWORD.toCharArray());
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        client.connect(o);
        for (String f : filters)
            client.subscribe(f, 1, (topic, msg) -> received.add(new Received(topic, decode(msg.getPayload()), msg.getPayload())));
        return this;
    }

    private static KuraMessage decode(byte[] payload) {
        try {
            return KuraPayloadCodec.decode(payload);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public void publish(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public void clear() {
        received.clear();
    }

    /** Waits until a message matches; fails after {@code timeout}. */
    public Received await(Predicate<Received> what, Duration timeout, String description) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Received r : received) if (what.test(r)) return r;
            Thread.sleep(10);
        }
        throw new AssertionError("not received within " + timeout.toSeconds() + " s: " + description + "; got "
                + received.stream().map(Received::topic).toList());
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) client.disconnect();
        client.close();
    }
}
