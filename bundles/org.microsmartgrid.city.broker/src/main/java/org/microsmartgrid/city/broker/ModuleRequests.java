package org.microsmartgrid.city.broker;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The city's Kura request/reply to one module on app CITY-V1 (docs/cloud-management.md), shared by the door codes a
 * courier types, the codes an owner issues and the starts a driver asks: {@code $EDC/{account}/{client}/CITY-V1/EXEC/
 * {resource}} with the request's metrics, a fresh {@code request.id} and the module itself as
 * {@code requester.client.id}, so that its reply comes on its own namespace
 * {@code $EDC/{account}/{client}/CITY-V1/REPLY/{request.id}} (the only one the broker lets it publish in).
 * A request is never kept nor sent again (a person is waiting; sent twice it would act twice): a module offline, or
 * silent for the timeout, gets the {@code unreachable} answer at once or then. Only the module asked can answer.
 * Bounded: at most {@code maxWaiting} requests wait at once.
 *
 * @param <A> the answer a reply is read into
 */
public final class ModuleRequests<A> {
    public static final String APP_ID = "CITY-V1";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleRequests.class);

    private record Waiting<A>(String account, String clientId, CompletableFuture<A> answer) {
    }

    private final ModuleChannel channel;
    private final LongSupplier clock;
    private final Duration timeout;
    private final String resource;
    private final String idPrefix;
    private final int maxWaiting;
    private final A unreachable;
    private final Function<byte[], A> reply;
    private final Map<String, Waiting<A>> waiting = new ConcurrentHashMap<>();

    /**
     * @param resource    the EXEC resource ({@code door}, {@code door-code}, {@code start})
     * @param idPrefix    what every request id of this kind starts with, so replies find their kind
     * @param unreachable the answer when the module cannot be asked or does not answer in time
     * @param reply       reads a module's reply payload (never throws: a bad reply is an answer too)
     */
    public ModuleRequests(ModuleChannel channel, LongSupplier clock, Duration timeout, String resource, String idPrefix,
                          int maxWaiting, A unreachable, Function<byte[], A> reply) {
        this.channel = channel;
        this.clock = clock;
        this.timeout = timeout;
        this.resource = resource;
        this.idPrefix = idPrefix;
        this.maxWaiting = maxWaiting;
        this.unreachable = unreachable;
        this.reply = reply;
    }

    /** Asks the module; the answer comes with its reply, or {@code unreachable}. */
    public CompletionStage<A> ask(String account, String clientId, Map<String, Object> metrics) {
        if (!channel.connected(clientId)) return CompletableFuture.completedFuture(unreachable);
        if (waiting() >= maxWaiting) {
            LOG.warn("{} for {}/{} not sent: {} wait for their module already", resource, account, clientId, maxWaiting);
            return CompletableFuture.completedFuture(unreachable);
        }
        String id = idPrefix + UUID.randomUUID();
        CompletableFuture<A> answer = new CompletableFuture<>();
        waiting.put(id, new Waiting<>(account, clientId, answer));
        answer.whenComplete((a, e) -> waiting.remove(id));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("request.id", id);
        m.put("requester.client.id", clientId);
        m.putAll(metrics);
        String topic = "$EDC/" + account + "/" + clientId + "/" + APP_ID + "/EXEC/" + resource;
        if (!channel.publish(topic, KuraPayloadCodec.encode(KuraMessage.of(clock.getAsLong(), m), false))) {
            answer.complete(unreachable);
            return answer;
        }
        return answer.completeOnTimeout(unreachable, timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((a, e) -> {
            if (a == unreachable)
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
        Waiting<A> w = waiting.get(t[5]);
        if (w == null || !w.account().equals(t[1]) || !w.clientId().equals(t[2])) return;
        w.answer().complete(reply.apply(payload));
    }

    /** How many requests wait for their module's answer now. */
    public int waiting() {
        // an answered request leaves the map right after its answer: count only those still waiting
        return (int) waiting.values().stream().filter(w -> !w.answer().isDone()).count();
    }
}
