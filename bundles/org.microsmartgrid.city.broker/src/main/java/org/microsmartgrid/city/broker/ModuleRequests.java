package org.microsmartgrid.city.broker;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.microsmartgrid.city.broker.transport.ModuleTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The city's Kura request/reply to one module on app CITY-V1 (docs/cloud-management.md), shared by the door codes a
 * courier types, the codes an owner issues and the starts a driver asks, over a {@link ModuleTransport}: the embedded
 * broker ({@link BrokerTransport}) or, in Kapua mode, Kapua's device requests.
 * A request is never kept nor sent again (a person is waiting; sent twice it would act twice): a module offline, or
 * silent for the timeout, gets the {@code unreachable} answer at once or then. Bounded: at most {@code maxWaiting}
 * requests wait at once.
 *
 * @param <A> the answer a reply is read into
 */
public final class ModuleRequests<A> {
    public static final String APP_ID = ModuleTransport.APP_ID;
    private static final Logger LOG = LoggerFactory.getLogger(ModuleRequests.class);

    private final ModuleTransport transport;
    private final Duration timeout;
    private final String resource;
    private final int maxWaiting;
    private final A unreachable;
    private final Function<Map<String, Object>, A> reply;
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * @param resource    the EXEC resource ({@code door}, {@code door-code}, {@code start})
     * @param unreachable the answer when the module cannot be asked or does not answer in time
     * @param reply       reads a module's reply metrics (never throws: a bad reply is an answer too)
     */
    public ModuleRequests(ModuleTransport transport, Duration timeout, String resource, int maxWaiting, A unreachable,
                          Function<Map<String, Object>, A> reply) {
        this.transport = transport;
        this.timeout = timeout;
        this.resource = resource;
        this.maxWaiting = maxWaiting;
        this.unreachable = unreachable;
        this.reply = reply;
    }

    /** Asks the module; the answer comes with its reply, or {@code unreachable}. */
    public CompletionStage<A> ask(String account, String clientId, Map<String, Object> metrics) {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            LOG.warn("{} for {}/{} not sent: {} wait for their module already", resource, account, clientId, maxWaiting);
            return CompletableFuture.completedFuture(unreachable);
        }
        CompletionStage<java.util.Optional<Map<String, Object>>> sent;
        try {
            sent = transport.request(account, clientId, resource, metrics, timeout);
        } catch (RuntimeException e) { // a transport must not throw; if one does, the person still gets an answer
            waiting.decrementAndGet();
            LOG.error("{} for {}/{} not sent", resource, account, clientId, e);
            return CompletableFuture.completedFuture(unreachable);
        }
        // counted down before the caller hears the answer: waiting() never counts an answered request
        return sent.whenComplete((r, e) -> waiting.decrementAndGet()).handle((r, e) -> {
            if (e != null) {
                LOG.error("{} for {}/{} failed", resource, account, clientId, e);
                return unreachable;
            }
            return r.map(reply).orElse(unreachable);
        });
    }

    /**
     * A module's publication on its control namespace: over the embedded broker ({@link BrokerTransport}) its reply to
     * one of these requests completes it; over another transport (Kapua's device requests) replies do not come this way.
     */
    public void onControl(String topic, byte[] payload) {
        if (transport instanceof BrokerTransport broker) broker.onControl(topic, payload);
    }

    /** How many requests wait for their module's answer now. */
    public int waiting() {
        return waiting.get();
    }
}
