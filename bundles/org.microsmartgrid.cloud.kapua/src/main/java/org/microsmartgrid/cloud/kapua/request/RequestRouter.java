package org.microsmartgrid.cloud.kapua.request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.api.cloud.RequestHandler;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.microsmartgrid.cloud.kapua.topic.KuraTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kura's request/reply: a request on {@code $EDC/{account}/{client}/{appId}/{METHOD}/{resource...}} carrying
 * {@code request.id} and {@code requester.client.id} is answered on
 * {@code $EDC/{account}/{requester}/{appId}/REPLY/{request.id}} with {@code response.code} (INT32). Requests run one
 * at a time on their own thread, never on Paho's; a full queue answers 500 at once instead of waiting.
 */
public final class RequestRouter implements AutoCloseable {

    public static final String REQUEST_ID = "request.id";
    public static final String REQUESTER = "requester.client.id";
    private static final Logger LOG = LoggerFactory.getLogger(RequestRouter.class);

    private final KuraTopics topics;
    private final Function<String, Optional<RequestHandler>> handlers;
    private final BiPredicate<String, byte[]> publish;
    private final LongSupplier clock;
    private final ThreadPoolExecutor executor;

    /**
     * @param handlers app id → the handler serving it
     * @param publish  sends a reply (topic, payload) now; false when not connected
     */
    public RequestRouter(KuraTopics topics, Function<String, Optional<RequestHandler>> handlers,
                         BiPredicate<String, byte[]> publish, LongSupplier clock) {
        this.topics = topics;
        this.handlers = handlers;
        this.publish = publish;
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(32), r -> {
            Thread t = new Thread(r, "msg-cloud-requests");
            t.setDaemon(true);
            return t;
        });
    }

    /** A message on the control namespace; ignores what is not a request to this device. */
    public void onControl(String topic, byte[] payload) {
        Optional<KuraTopics.Request> address = topics.parseRequest(topic);
        if (address.isEmpty()) return;
        KuraMessage message;
        try {
            message = KuraPayloadCodec.decode(payload);
        } catch (IllegalArgumentException e) {
            LOG.warn("request on {} dropped: {}", topic, e.getMessage());
            return;
        }
        Object requestId = message.metrics().get(REQUEST_ID);
        Object requester = message.metrics().get(REQUESTER);
        if (!(requestId instanceof String id) || !(requester instanceof String who) || id.isBlank() || who.isBlank()) {
            LOG.warn("request on {} dropped: it needs {} and {} as strings (nowhere to reply)", topic, REQUEST_ID,
                    REQUESTER);
            return;
        }
        String replyTopic;
        try {
            replyTopic = topics.reply(who, address.get().appId(), id);
        } catch (IllegalArgumentException e) {
            LOG.warn("request on {} dropped: {}", topic, e.getMessage());
            return;
        }
        KuraRequest request = new KuraRequest(address.get().appId(), address.get().method(),
                address.get().resources(), message.metrics(), message.body(), id, who);
        try {
            executor.execute(() -> reply(replyTopic, serve(request)));
        } catch (RejectedExecutionException e) {
            reply(replyTopic, KuraResponse.error("busy: too many requests waiting, try again"));
        }
    }

    KuraResponse serve(KuraRequest request) {
        Optional<RequestHandler> handler = handlers.apply(request.appId());
        if (handler.isEmpty()) return KuraResponse.notFound("no application " + request.appId() + " on this device");
        try {
            KuraResponse r = handler.get().handle(request);
            if (r == null) return KuraResponse.error(request.appId() + " gave no answer");
            LOG.info("{} {} {} from {}: {}", request.appId(), request.method(), String.join("/", request.resources()),
                    request.requesterClientId(), r.code());
            return r;
        } catch (RuntimeException e) {
            LOG.error("{} failed on {} {}", request.appId(), request.method(), request.resources(), e);
            return KuraResponse.error(request.appId() + " failed: " + e);
        }
    }

    private void reply(String topic, KuraResponse r) {
        Map<String, Object> metrics = new LinkedHashMap<>(r.metrics());
        metrics.put("response.code", r.code());
        if (r.exception() != null) metrics.put("response.exception.message", r.exception());
        byte[] payload = KuraPayloadCodec.encode(new KuraMessage(clock.getAsLong(), null, metrics, r.body()), true);
        if (!publish.test(topic, payload)) LOG.warn("reply on {} not sent: not connected", topic);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
