package org.microsmartgrid.coap.server;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.coap.senml.SenmlPack;
import org.microsmartgrid.coap.senml.SenmlRecord;
import org.microsmartgrid.coap.senml.WriteBody;
import org.microsmartgrid.coap.state.SocketPack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * /sockets/{n}/enabled: GET whether the socket may charge; PUT true or false (SenML {"n":"enabled","vb":false},
 * JSON/CBOR {"enabled":false}, or text/plain "false") pauses or resumes it through the control loop.
 */
public final class EnabledResource extends LiveResource {

    private static final Logger LOG = LoggerFactory.getLogger(EnabledResource.class);
    private final int socket;

    public EnabledResource(int socket, CoapContext context) {
        super("enabled", "msg.socket.enabled", context, () -> pack(socket, context));
        this.socket = socket;
    }

    private static SenmlPack pack(int socket, CoapContext context) {
        SiteControl control = context.sources().siteControl();
        List<SenmlRecord> records = control == null ? List.of(SenmlRecord.string("enabled", "UNKNOWN"))
                : List.of(SenmlRecord.bool("enabled", !control.disabledSockets().containsKey(socket)));
        return new SenmlPack(SocketPack.baseName(socket), context.clock().millis() / 1000.0, records);
    }

    /** In discovery: an actuator: it switches the socket. */
    @Override
    protected String interfaceDescription() {
        return "core.a";
    }

    @Override
    public void handlePUT(CoapExchange exchange) {
        String actor = WriteAccess.actor(exchange, context.settings());
        if (actor == null) return;
        Boolean enabled = exchange.getRequestOptions().getContentFormat() == MediaTypeRegistry.TEXT_PLAIN
                ? text(exchange) : senml(exchange);
        if (enabled == null) return;
        SiteControl control = WriteAccess.siteControl(exchange, context);
        if (control == null) return;
        control.setSocketEnabled(socket, enabled, actor);
        LOG.info("CoAP: {} {} socket {}", actor, enabled ? "enabled" : "disabled", socket);
        context.stateChanged().run();
        respondWith(exchange, ResponseCode.CHANGED, pack(socket, context));
    }

    private static Boolean senml(CoapExchange exchange) {
        WriteBody body = WriteAccess.body(exchange);
        if (body == null) return null;
        if (body.values().size() != 1 || !(body.get("enabled") instanceof Boolean b)) {
            WriteAccess.badRequest(exchange, "the body must hold one field: enabled, true or false");
            return null;
        }
        if (body.unit("enabled") != null) {
            WriteAccess.badRequest(exchange, "enabled takes no unit");
            return null;
        }
        return b;
    }

    private static Boolean text(CoapExchange exchange) {
        String text = new String(exchange.getRequestPayload(), StandardCharsets.UTF_8).trim();
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                WriteAccess.badRequest(exchange, "text/plain body must be true or false");
                yield null;
            }
        };
    }
}
