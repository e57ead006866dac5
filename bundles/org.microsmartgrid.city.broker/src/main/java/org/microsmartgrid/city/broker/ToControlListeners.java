package org.microsmartgrid.city.broker;

import java.util.List;
import java.util.function.BiConsumer;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBuf;

/** Hands the modules' publications on their control namespace ({@code $EDC/...}) to the city's listeners. */
final class ToControlListeners extends AbstractInterceptHandler {

    private final List<BiConsumer<String, byte[]>> listeners;

    ToControlListeners(List<BiConsumer<String, byte[]>> listeners) {
        this.listeners = listeners;
    }

    @Override
    public String getID() {
        return "msg-city-control";
    }

    @Override
    public void onPublish(InterceptPublishMessage msg) {
        ByteBuf buf = msg.getPayload();
        try {
            if (listeners.isEmpty() || !msg.getTopicName().startsWith("$EDC/")) return;
            byte[] bytes = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), bytes);
            for (BiConsumer<String, byte[]> l : listeners) {
                try {
                    l.accept(msg.getTopicName(), bytes);
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(ToControlListeners.class).warn("control listener failed", e);
                }
            }
        } finally {
            buf.release(); // Moquette hands each interceptor its own retained duplicate
        }
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        org.slf4j.LoggerFactory.getLogger(ToControlListeners.class).warn("broker session loop error", error);
    }
}
