package org.microsmartgrid.city.broker;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.microsmartgrid.city.broker.transport.ModuleTransport;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ModuleTransport} on the embedded broker: {@code $EDC/{account}/{client}/CITY-V1/EXEC/{resource}} with the
 * request's metrics, a fresh {@code request.id} and the module itself as {@code requester.client.id}, so that its
 * reply comes on its own namespace {@code $EDC/{account}/{client}/CITY-V1/REPLY/{request.id}} (the only one the
 * broker lets it publish in). Only the module asked can answer; a reply to no request of ours changes nothing.
 */
public final class BrokerTransport implements ModuleTransport {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerTransport.class);

    private record Waiting(String account, String clientId, CompletableFuture<Optional<Map<String, Object>>> reply) {
    }

    private final ModuleChannel channel;
    private final LongSupplier clock;
    private final String idPrefix;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    /** @param idPrefix what every request id of this transport starts with, so replies find their kind */
    public BrokerTransport(ModuleChannel channel, LongSupplier clock, String idPrefix) {
        this.channel = channel;
        this.clock = clock;
        this.idPrefix = idPrefix;
    }

    @Override
    public CompletionStage<Optional<Map<String, Object>>> request(String account, String clientId, String resource,
                                                                  Map<String, Object> metrics, Duration timeout) {
        if (!channel.connected(clientId)) return CompletableFuture.completedFuture(Optional.empty());
        String id = idPrefix + UUID.randomUUID();
        CompletableFuture<Optional<Map<String, Object>>> reply = new CompletableFuture<>();
        waiting.put(id, new Waiting(account, clientId, reply));
        reply.whenComplete((r, e) -> waiting.remove(id));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("request.id", id);
        m.put("requester.client.id", clientId);
        m.putAll(metrics);
        String topic = "$EDC/" + account + "/" + clientId + "/" + APP_ID + "/EXEC/" + resource;
        if (!channel.publish(topic, KuraPayloadCodec.encode(KuraMessage.of(clock.getAsLong(), m), false))) {
            reply.complete(Optional.empty());
            return reply;
        }
        return reply.completeOnTimeout(Optional.empty(), timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> {
            if (r != null && r.isEmpty())
                LOG.warn("{} for {}/{}: no answer in {} s / il modulo non risponde", resource, account, clientId,
                        timeout.toSeconds());
        });
    }

    /**
     * A module's publication on its control namespace: its reply to one of our requests completes it. A reply from
     * another module than the one asked, or to no request of ours, changes nothing.
     */
    public void onControl(String topic, byte[] payload) {
        String[] t = topic.split("/", -1);
        if (t.length != 6 || !t[3].equals(APP_ID) || !t[4].equals("REPLY") || !t[5].startsWith(idPrefix)) return;
        Waiting w = waiting.get(t[5]);
        if (w == null || !w.account().equals(t[1]) || !w.clientId().equals(t[2])) return;
        Map<String, Object> metrics;
        try {
            metrics = KuraPayloadCodec.decode(payload).metrics();
        } catch (IllegalArgumentException e) {
            metrics = Map.of(); // an unreadable reply is an answer too: the caller reads it as a failure
        }
        w.reply().complete(Optional.of(metrics));
    }
}
