package org.microsmartgrid.city.broker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import io.moquette.broker.Server;
import io.moquette.broker.subscriptions.Topic;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;

/** {@link ModuleChannel} on the embedded Moquette: internal publications, which its access rules do not filter. */
final class EmbeddedModuleChannel implements ModuleChannel {

    /** The client id Moquette logs for the city's own publications. */
    static final String CITY = "msg-city";

    private final Supplier<Server> server;
    private final List<BiConsumer<String, byte[]>> listeners = new CopyOnWriteArrayList<>();

    EmbeddedModuleChannel(Supplier<Server> server) {
        this.server = server;
    }

    /** The listeners, for the broker's interceptor ({@link ToControlListeners}). */
    List<BiConsumer<String, byte[]>> listeners() {
        return listeners;
    }

    @Override
    public boolean connected(String clientId) {
        Server s = server.get();
        if (s == null) return false;
        try {
            return s.listConnectedClients().stream().anyMatch(c -> clientId.equals(c.getClientID()));
        } catch (IllegalStateException e) {
            return false; // stopping
        }
    }

    @Override
    public boolean publish(String topic, byte[] payload) {
        Server s = server.get();
        if (s == null) return false;
        new Topic(topic); // a malformed topic fails here, not inside the broker
        MqttPublishMessage m = new MqttPublishMessage(
                new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.AT_LEAST_ONCE, false, 0),
                new MqttPublishVariableHeader(topic, 0), Unpooled.wrappedBuffer(payload));
        try {
            s.internalPublish(m, CITY);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public AutoCloseable listen(BiConsumer<String, byte[]> control) {
        listeners.add(control);
        return () -> listeners.remove(control);
    }
}
