package org.microsmartgrid.coap.server;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.coap.senml.WriteBody;
import org.microsmartgrid.coap.state.CapPack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * /site/cap: the building power cap. GET (observable) shows it; PUT or POST sets it ({@link CapRequest} body, e.g.
 * {"limit":3000,"duration":900}); DELETE clears it. Writes need a read-write PSK identity over DTLS.
 */
public final class CapResource extends LiveResource {

    private static final Logger LOG = LoggerFactory.getLogger(CapResource.class);

    public CapResource(CoapContext context) {
        super("cap", "msg.site.cap", context, () -> CapPack.build(context.sources().siteControl(), context.clock().instant()));
    }

    /** In discovery: a parameter the building system sets. */
    @Override
    protected String interfaceDescription() {
        return "core.p";
    }

    @Override
    public void handlePUT(CoapExchange exchange) {
        String actor = WriteAccess.actor(exchange, context.settings());
        if (actor == null) return;
        WriteBody body = WriteAccess.body(exchange);
        if (body == null) return;
        Instant now = context.clock().instant();
        CapRequest request;
        try {
            request = CapRequest.from(body, now, context.settings().capFloorW());
        } catch (IllegalArgumentException e) {
            WriteAccess.badRequest(exchange, e.getMessage());
            return;
        }
        SiteControl control = WriteAccess.siteControl(exchange, context);
        if (control == null) return;
        try {
            control.capPower(request.limitW(), request.until(), actor);
        } catch (IllegalArgumentException e) {
            WriteAccess.badRequest(exchange, e.getMessage());
            return;
        }
        LOG.info("CoAP: {} capped the site at {} W until {}", actor, request.limitW(), request.until());
        context.stateChanged().run();
        respondWith(exchange, ResponseCode.CHANGED, CapPack.build(control, now));
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        handlePUT(exchange);
    }

    @Override
    public void handleDELETE(CoapExchange exchange) {
        String actor = WriteAccess.actor(exchange, context.settings());
        if (actor == null) return;
        SiteControl control = WriteAccess.siteControl(exchange, context);
        if (control == null) return;
        control.clearPowerCap(actor);
        LOG.info("CoAP: {} cleared the site power cap", actor);
        context.stateChanged().run();
        exchange.respond(ResponseCode.DELETED);
    }
}
