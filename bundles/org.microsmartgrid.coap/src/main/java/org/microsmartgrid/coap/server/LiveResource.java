package org.microsmartgrid.coap.server;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.observe.ObserveRelationFilter;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.microsmartgrid.coap.senml.SenmlFormat;
import org.microsmartgrid.coap.senml.SenmlPack;
import org.microsmartgrid.coap.senml.SenmlWriter;
import org.microsmartgrid.coap.state.Significance;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * An observable resource whose state is a SenML pack: GET in SenML JSON (default) or SenML CBOR by the Accept option;
 * observers are notified on a meaningful change ({@link Significance}) and at least once per max age.
 *
 * <p>Observe sequence numbers: Californium numbers a notification when its stack sends it, on another thread, so two
 * changes in quick succession (a write racing a loop cycle) went out as two different notifications with the same
 * number, and an RFC 7641 client dropped the second as stale. Here the number is taken together with the content,
 * under one lock, when the notification is built: every notification of a resource has a greater number than the one
 * before, and the content it carries is the state at that number.
 */
public class LiveResource extends CoapResource {

    /** Max-Age of a plain GET (no Observe): live values change every loop cycle, a proxy must not keep them longer. */
    static final int READ_MAX_AGE_S = 1;

    protected final CoapContext context;
    private final Supplier<SenmlPack> content;
    private final Object numbering = new Object();
    // touched only on the notifier's thread (and here, before the server starts)
    private SenmlPack lastNotified;
    private Instant lastNotifiedAt;
    /** Set when the endpoints close: every observer gets a final 5.03 and the observation ends. */
    private volatile CountDownLatch ending;

    public LiveResource(String name, String resourceType, CoapContext context, Supplier<SenmlPack> content) {
        super(name);
        this.context = context;
        this.content = content;
        setObservable(true);
        getAttributes().addResourceType(resourceType);
        getAttributes().addInterfaceDescription(interfaceDescription());
        getAttributes().addContentType(MediaTypeRegistry.APPLICATION_SENML_JSON);
        getAttributes().addContentType(MediaTypeRegistry.APPLICATION_SENML_CBOR);
        getAttributes().setObservable();
        // the baseline: an observer registering now gets this state, so only a change from it is news
        lastNotified = content.get();
        lastNotifiedAt = context.clock().instant();
    }

    /**
     * The CoRE interface in discovery ({@code if=}, draft-ietf-core-interfaces): a live value is a sensor
     * ({@code core.s}); a writable resource says otherwise.
     */
    protected String interfaceDescription() {
        return "core.s";
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        CountDownLatch end = ending;
        if (end != null) {
            endObservation(exchange, end);
            return;
        }
        if (observing(exchange)) {
            synchronized (numbering) {
                respondWith(exchange, ResponseCode.CONTENT, content.get());
            }
        } else {
            respondWith(exchange, ResponseCode.CONTENT, content.get());
        }
    }

    @Override
    protected void notifyObserverRelations(ObserveRelationFilter filter) {
        synchronized (numbering) { // the next number and the notifications built with it, as one step
            super.notifyObserverRelations(filter);
        }
    }

    /** Answers with a pack in the format the request's Accept asks for, or 4.06 when we do not speak it. */
    protected void respondWith(CoapExchange exchange, ResponseCode code, SenmlPack pack) {
        int accept = exchange.getRequestOptions().getAccept();
        SenmlFormat format = accept == MediaTypeRegistry.UNDEFINED ? SenmlFormat.SENML_JSON : SenmlFormat.of(accept);
        if (format == null || !format.senml()) {
            exchange.respond(ResponseCode.NOT_ACCEPTABLE, "Accept: 110 (application/senml+json) or 112 (application/senml+cbor)",
                    MediaTypeRegistry.TEXT_PLAIN);
            return;
        }
        Response response = new Response(code);
        response.setPayload(SenmlWriter.write(pack.under(baseNamePrefix()), format));
        boolean observing = observing(exchange) && code == ResponseCode.CONTENT;
        response.getOptions().setContentFormat(format.contentFormat())
                .setMaxAge(observing ? context.settings().observeMaxAgeS() : READ_MAX_AGE_S);
        // called under the numbering lock for observers: the number goes with this content (see the class comment)
        if (observing) response.getOptions().setObserve(getNotificationSequenceNumber());
        exchange.respond(response);
    }

    /** What goes before every base name: the module's identity (an IPSO resource is named by its path alone). */
    protected String baseNamePrefix() {
        return context.settings().baseName();
    }

    /** Whether this exchange is a registration or a notification of an observe relation. */
    protected static boolean observes(CoapExchange exchange) {
        return observing(exchange);
    }

    /** A registration or a notification (the exchange of an observe relation), as opposed to a plain GET. */
    private static boolean observing(CoapExchange exchange) {
        return exchange.advanced().getRelation() != null && !exchange.advanced().getRelation().isCanceled();
    }

    /** Notifies observers when the state changed enough, or when the last notification is about to expire. */
    void notifyIfChanged(Instant now) {
        if (ending != null) return;
        SenmlPack pack = content.get();
        // one second early: the notifier checks once a second, so the next check would be after Max-Age ran out
        Duration renewAfter = Duration.ofSeconds(context.settings().observeMaxAgeS() - 1L);
        boolean expiring = !now.isBefore(lastNotifiedAt.plus(renewAfter));
        if (expiring || Significance.changed(lastNotified, pack, context.settings().deadbandW())) {
            lastNotified = pack;
            lastNotifiedAt = now;
            changed();
        }
    }

    /**
     * Ends every observation with a final 5.03 Service Unavailable (RFC 7641 §3.2: a notification that is not 2.xx
     * ends it), so an observer registers again at once instead of waiting for Max-Age to run out. From now on every
     * GET is answered so.
     *
     * @return counts down as each observer's final notification is acknowledged, refused or given up on
     */
    CountDownLatch endObservations() {
        CountDownLatch end = new CountDownLatch(getObserverCount());
        ending = end;
        if (end.getCount() > 0) changed();
        return end;
    }

    private void endObservation(CoapExchange exchange, CountDownLatch end) {
        Response response = new Response(ResponseCode.SERVICE_UNAVAILABLE);
        response.setPayload("riconfigurazione: registrarsi di nuovo / reconfiguring: register again");
        response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN).setMaxAge(1);
        if (observing(exchange)) response.addMessageObserver(new FinalNotificationObserver(end));
        exchange.respond(response);
    }
}
