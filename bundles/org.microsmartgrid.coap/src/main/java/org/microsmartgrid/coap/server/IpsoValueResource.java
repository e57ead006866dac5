package org.microsmartgrid.coap.server;

import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.microsmartgrid.coap.ipso.ObjectModel.ResourceModel;
import org.microsmartgrid.coap.senml.SenmlPack;
import org.microsmartgrid.coap.senml.SenmlRecord;

/**
 * One IPSO resource (/3305/0/5800): plain text by default, as LwM2M clients read a single resource ("1234.5",
 * "true" is "1"), or SenML on request. A value the module does not know now is 5.03 Service Unavailable with a
 * 1 s Max-Age (which also ends an observation: the observer registers again).
 */
class IpsoValueResource extends LiveResource {

    protected final ResourceModel model;

    IpsoValueResource(ResourceModel model, String urn, CoapContext context, Supplier<SenmlPack> instance) {
        super(Integer.toString(model.id()), urn, context, () -> only(instance.get(), model.id()));
        this.model = model;
        getAttributes().addContentType(MediaTypeRegistry.TEXT_PLAIN);
        getAttributes().setTitle(model.name());
    }

    private static SenmlPack only(SenmlPack pack, int id) {
        String name = Integer.toString(id);
        return new SenmlPack(pack.baseName(), pack.baseTime(), pack.get(name).stream().toList());
    }

    @Override
    protected String baseNamePrefix() {
        return "";
    }

    @Override
    protected void respondWith(CoapExchange exchange, ResponseCode code, SenmlPack pack) {
        Optional<SenmlRecord> value = pack.records().stream().findFirst();
        if (value.isEmpty() && code == ResponseCode.CONTENT) {
            exchange.setMaxAge(1);
            exchange.respond(ResponseCode.SERVICE_UNAVAILABLE,
                    "nessun valore valido ora / no good value now: " + model.name(), MediaTypeRegistry.TEXT_PLAIN);
            return;
        }
        int accept = exchange.getRequestOptions().getAccept();
        if (accept != MediaTypeRegistry.UNDEFINED && accept != MediaTypeRegistry.TEXT_PLAIN) {
            super.respondWith(exchange, code, pack);
            return;
        }
        Response response = new Response(code);
        response.setPayload(value.map(IpsoValueResource::text).orElse(""));
        boolean observing = observes(exchange) && code == ResponseCode.CONTENT;
        response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN)
                .setMaxAge(observing ? context.settings().observeMaxAgeS() : READ_MAX_AGE_S);
        if (observing) response.getOptions().setObserve(getNotificationSequenceNumber());
        exchange.respond(response);
    }

    /** LwM2M's plain-text format: numbers in decimal, booleans as 0 and 1, strings as they are. */
    static String text(SenmlRecord r) {
        if (r.value() != null) return r.value() == Math.rint(r.value()) && Math.abs(r.value()) < 1e15
                ? Long.toString(r.value().longValue()) : Double.toString(r.value());
        if (r.boolValue() != null) return r.boolValue() ? "1" : "0";
        return r.stringValue();
    }
}
