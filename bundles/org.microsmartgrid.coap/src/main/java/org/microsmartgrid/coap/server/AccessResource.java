package org.microsmartgrid.coap.server;

import java.util.List;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.DoorAccess.AccessResult;
import org.microsmartgrid.coap.senml.SenmlPack;
import org.microsmartgrid.coap.senml.SenmlRecord;
import org.microsmartgrid.coap.senml.WriteBody;

/**
 * /building/access: POST {"door":"portone","code":"12345678"} (JSON, CBOR or SenML with string values) from a
 * read-write identity (the "I am at the door" page's back end, a keypad controller). 2.04 when the door opens; 4.03
 * with the outcome for a refused code, 4.29 while guessing is throttled, 4.00 for a body or code of the wrong form,
 * 4.04 for an unknown door. Every attempt is in the module's access journal.
 */
final class AccessResource extends CoapResource {
    private final CoapContext context;

    AccessResource(CoapContext context) {
        super("access");
        this.context = context;
        getAttributes().addResourceType("msg.building.access");
        getAttributes().addInterfaceDescription("core.a");
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        String actor = WriteAccess.actor(exchange, context.settings());
        if (actor == null) return;
        WriteBody body = WriteAccess.body(exchange);
        if (body == null) return;
        if (!(body.get("door") instanceof String door) || !(body.get("code") instanceof String code)
                || body.values().size() != 2) {
            WriteAccess.badRequest(exchange, "the body must hold two strings: door and code (8 digits)");
            return;
        }
        DoorAccess access = BuildingWrites.access(exchange, context);
        if (access == null) return;
        AccessResult result;
        try {
            result = access.redeem(door, code, actor);
        } catch (IllegalArgumentException e) {
            exchange.respond(ResponseCode.NOT_FOUND, e.getMessage(), MediaTypeRegistry.TEXT_PLAIN);
            return;
        }
        ResponseCode status = result.granted() ? ResponseCode.CHANGED : switch (result.outcome()) {
            case "MALFORMED" -> ResponseCode.BAD_REQUEST;
            case "THROTTLED" -> ResponseCode.TOO_MANY_REQUESTS;
            default -> ResponseCode.FORBIDDEN;
        };
        context.stateChanged().run();
        BuildingWrites.respond(exchange, status, new SenmlPack("building/access/", context.clock().millis() / 1000.0,
                List.of(SenmlRecord.string("outcome", result.outcome()), SenmlRecord.bool("granted", result.granted()),
                        SenmlRecord.string("message", result.message()))), context);
    }
}
