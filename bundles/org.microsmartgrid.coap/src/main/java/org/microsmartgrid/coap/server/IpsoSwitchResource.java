package org.microsmartgrid.coap.server;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.coap.ipso.ObjectModel.ResourceModel;
import org.microsmartgrid.coap.senml.SenmlPack;
import org.microsmartgrid.coap.senml.WriteBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /3306/{n}/5850, Actuation On/Off of socket n: whether it may charge. A PUT of "1" or "0" (LwM2M plain text; "true"
 * and "false" too) or a SenML record named 5850 with a boolean goes through the same checks as /sockets/{n}/enabled
 * (CoAPS with a read-write key) and the same control-loop call.
 */
final class IpsoSwitchResource extends IpsoValueResource {

    private static final Logger LOG = LoggerFactory.getLogger(IpsoSwitchResource.class);
    private final int socket;

    IpsoSwitchResource(int socket, ResourceModel model, String urn, CoapContext context, Supplier<SenmlPack> instance) {
        super(model, urn, context, instance);
        this.socket = socket;
        getAttributes().clearInterfaceDescriptions();
        getAttributes().addInterfaceDescription("core.a");
    }

    @Override
    public void handlePUT(CoapExchange exchange) {
        String actor = WriteAccess.actor(exchange, context.settings());
        if (actor == null) return;
        Boolean on = exchange.getRequestOptions().getContentFormat() == MediaTypeRegistry.TEXT_PLAIN
                ? text(exchange) : senml(exchange);
        if (on == null) return;
        SiteControl control = WriteAccess.siteControl(exchange, context);
        if (control == null) return;
        control.setSocketEnabled(socket, on, actor);
        LOG.info("CoAP (IPSO 3306/{}/5850): {} {} socket {}", socket, actor, on ? "enabled" : "disabled", socket);
        context.stateChanged().run();
        exchange.respond(ResponseCode.CHANGED);
    }

    private Boolean senml(CoapExchange exchange) {
        WriteBody body = WriteAccess.body(exchange);
        if (body == null) return null;
        String name = Integer.toString(model.id());
        if (body.values().size() != 1 || !(body.get(name) instanceof Boolean b)) {
            WriteAccess.badRequest(exchange, "the body must hold one record: " + name + " (On/Off), a boolean");
            return null;
        }
        return b;
    }

    private static Boolean text(CoapExchange exchange) {
        String text = new String(exchange.getRequestPayload(), StandardCharsets.UTF_8).trim();
        return switch (text) {
            case "1", "true" -> Boolean.TRUE;
            case "0", "false" -> Boolean.FALSE;
            default -> {
                WriteAccess.badRequest(exchange, "text/plain body must be 1 or 0 (true or false)");
                yield null;
            }
        };
    }
}
