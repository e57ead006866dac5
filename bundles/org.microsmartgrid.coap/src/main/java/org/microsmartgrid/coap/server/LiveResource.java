package org.microsmartgrid.coap.server;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.microsmartgrid.coap.senml.SenmlFormat;
import org.microsmartgrid.coap.senml.SenmlPack;
import org.microsmartgrid.coap.senml.SenmlWriter;
import org.microsmartgrid.coap.state.Significance;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * An observable resource whose state is a SenML pack: GET in SenML JSON (default) or SenML CBOR by the Accept option,
 * with Max-Age; observers are notified on a meaningful change ({@link Significance}) and at least once per max age.
 */
public class LiveResource extends CoapResource {

    protected final CoapContext context;
    private final Supplier<SenmlPack> content;
    // touched only on the notifier's thread (and here, before the server starts)
    private SenmlPack lastNotified;
    private Instant lastNotifiedAt;

    public LiveResource(String name, String resourceType, CoapContext context, Supplier<SenmlPack> content) {
        super(name);
        this.context = context;
        this.content = content;
        setObservable(true);
        getAttributes().addResourceType(resourceType);
        getAttributes().addContentType(MediaTypeRegistry.APPLICATION_SENML_JSON);
        getAttributes().addContentType(MediaTypeRegistry.APPLICATION_SENML_CBOR);
        getAttributes().setObservable();
        // the baseline: an observer registering now gets this state, so only a change from it is news
        lastNotified = content.get();
        lastNotifiedAt = context.clock().instant();
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        respondWith(exchange, ResponseCode.CONTENT, content.get());
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
        response.setPayload(SenmlWriter.write(pack, format));
        response.getOptions().setContentFormat(format.contentFormat()).setMaxAge(context.settings().observeMaxAgeS());
        exchange.respond(response);
    }

    /** Notifies observers when the state changed enough, or when the last notification is about to expire. */
    void notifyIfChanged(Instant now) {
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
}
