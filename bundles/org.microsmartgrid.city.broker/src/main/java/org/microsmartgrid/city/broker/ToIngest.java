package org.microsmartgrid.city.broker;

import java.time.Clock;
import java.util.function.Supplier;

import org.microsmartgrid.city.ingest.InboundMessages;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBuf;

/**
 * Hands every accepted publication to the ingest (a copy of the bytes; the queue decides, never blocking), and a lost
 * connection as the module's LWT: Moquette fires a last will to subscribers only, not to interceptors.
 */
final class ToIngest extends AbstractInterceptHandler {

    private final InboundMessages ingest;
    private final Supplier<ModuleCredentials> credentials;
    private final Clock clock;

    ToIngest(InboundMessages ingest, Supplier<ModuleCredentials> credentials, Clock clock) {
        this.ingest = ingest;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public String getID() {
        return "msg-city-ingest";
    }

    @Override
    public void onPublish(InterceptPublishMessage msg) {
        ByteBuf buf = msg.getPayload();
        try {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), bytes);
            ingest.offer(msg.getTopicName(), bytes);
        } finally {
            buf.release(); // Moquette hands each interceptor its own retained duplicate
        }
    }

    @Override
    public void onConnectionLost(InterceptConnectionLostMessage msg) {
        credentials.get().byClient(msg.getClientID())
                .ifPresent(c -> ingest.connectionLost(c.account(), c.clientId(), clock.millis()));
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        org.slf4j.LoggerFactory.getLogger(ToIngest.class).warn("broker session loop error", error);
    }
}
