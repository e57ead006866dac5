package org.microsmartgrid.cloud.kura;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;

/**
 * A CloudPublisher with Kura's signature, configured as docs/kura-gateway.md says (Application Id {@code msg},
 * Application Topic {@code $resource}): it fills the topic's {@code $name} placeholders from the message properties
 * the way Kura 5.5.0's publisher documents it, and records what it accepted. It can be told to refuse, as Kura does
 * when its cloud service is missing or its store is full.
 */
final class FakeCloudPublisher implements CloudPublisher {

    record Published(String channel, KuraMessage message) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$([^\\s/]+)");

    final List<Published> published = new ArrayList<>();
    final String appId;
    final String appTopic;
    volatile boolean refuse;

    FakeCloudPublisher(String appId, String appTopic) {
        this.appId = appId;
        this.appTopic = appTopic;
    }

    @Override
    public synchronized String publish(KuraMessage message) throws KuraException {
        if (refuse) throw new KuraException(KuraErrorCode.SERVICE_UNAVAILABLE, "The Cloud Service is null.");
        published.add(new Published(appId + "/" + fill(appTopic, message.getProperties()), message));
        return Integer.toString(published.size());
    }

    private static String fill(String topic, Map<String, Object> properties) {
        Matcher m = PLACEHOLDER.matcher(topic);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = properties.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group(0) : value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    synchronized List<Published> on(String channel) {
        return published.stream().filter(p -> p.channel().equals(channel)).toList();
    }

    @Override
    public void registerCloudConnectionListener(CloudConnectionListener listener) {
        // not used by the module
    }

    @Override
    public void unregisterCloudConnectionListener(CloudConnectionListener listener) {
        // not used by the module
    }

    @Override
    public void registerCloudDeliveryListener(CloudDeliveryListener listener) {
        // not used by the module
    }

    @Override
    public void unregisterCloudDeliveryListener(CloudDeliveryListener listener) {
        // not used by the module
    }
}
