package org.microsmartgrid.coap.server;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.coap.senml.SenmlFormat;
import org.microsmartgrid.coap.senml.SenmlPack;
import org.microsmartgrid.coap.senml.SenmlWriter;

/** What /building/access and /building/codes share. */
final class BuildingWrites {
    private BuildingWrites() {
    }

    /** The door service, or null after answering 5.03 (no door configured on this module). */
    static DoorAccess access(CoapExchange exchange, CoapContext context) {
        DoorAccess access = context.sources().doorAccess();
        if (access == null) {
            exchange.setMaxAge(30);
            exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "no door access on this module",
                    MediaTypeRegistry.TEXT_PLAIN);
        }
        return access;
    }

    /** SenML JSON unless the request's Accept asks for SenML CBOR. Never cached: answers are for one request. */
    static void respond(CoapExchange exchange, ResponseCode code, SenmlPack pack, CoapContext context) {
        int accept = exchange.getRequestOptions().getAccept();
        SenmlFormat format = accept == MediaTypeRegistry.APPLICATION_SENML_CBOR ? SenmlFormat.SENML_CBOR
                : SenmlFormat.SENML_JSON;
        Response response = new Response(code);
        response.setPayload(SenmlWriter.write(pack.under(context.settings().baseName()), format));
        response.getOptions().setContentFormat(format.contentFormat()).setMaxAge(0);
        exchange.respond(response);
    }
}
