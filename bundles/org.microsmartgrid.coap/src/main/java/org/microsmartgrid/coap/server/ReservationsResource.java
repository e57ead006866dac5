package org.microsmartgrid.coap.server;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.microsmartgrid.api.control.Reservation;
import org.microsmartgrid.api.control.SocketReservations;
import org.microsmartgrid.coap.senml.WriteBody;
import org.microsmartgrid.coap.state.ReservationsPack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /site/reservations (docs/reservations.md): GET (observable) lists them; POST reserves a socket
 * ({@link ReservationRequest} body, e.g. {"socket":2,"from":"2026-12-07T17:00:00Z","until":"2026-12-07T19:00:00Z",
 * "holder":"token:1a2b3c4d"}) and answers 2.01 with the reservation's id in Location-Query; DELETE with
 * {@code ?id=…} cancels one. Writes need a read-write PSK identity over DTLS; a refused reservation (an overlap, a
 * bad window) is 4.00 with the reason, and nothing changes.
 */
public final class ReservationsResource extends LiveResource {

    private static final Logger LOG = LoggerFactory.getLogger(ReservationsResource.class);

    public ReservationsResource(CoapContext context) {
        super("reservations", "msg.site.reservations", context,
                () -> ReservationsPack.build(context.sources().reservations(), context.clock().instant()));
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        String actor = WriteAccess.actor(exchange, context.settings());
        if (actor == null) return;
        WriteBody body = WriteAccess.body(exchange);
        if (body == null) return;
        ReservationRequest request;
        try {
            request = ReservationRequest.from(body);
        } catch (IllegalArgumentException e) {
            WriteAccess.badRequest(exchange, e.getMessage());
            return;
        }
        SocketReservations service = service(exchange);
        if (service == null) return;
        Reservation r;
        try {
            r = service.reserve(request.socket(), request.from(), request.until(), request.holder(), actor);
        } catch (IllegalArgumentException e) {
            WriteAccess.badRequest(exchange, e.getMessage());
            return;
        }
        LOG.info("CoAP: {} reserved socket {} ({})", actor, r.socket(), r.id());
        context.stateChanged().run();
        exchange.setLocationQuery("id=" + r.id());
        exchange.respond(ResponseCode.CREATED, r.id(), MediaTypeRegistry.TEXT_PLAIN);
    }

    @Override
    public void handleDELETE(CoapExchange exchange) {
        String actor = WriteAccess.actor(exchange, context.settings());
        if (actor == null) return;
        String id = exchange.getQueryParameter("id");
        if (id == null || id.isBlank()) {
            WriteAccess.badRequest(exchange, "which reservation? DELETE /site/reservations?id=<id>");
            return;
        }
        SocketReservations service = service(exchange);
        if (service == null) return;
        if (!service.cancel(id, actor)) {
            exchange.respond(ResponseCode.NOT_FOUND, "no reservation " + id + " (ended, expired or cancelled)",
                    MediaTypeRegistry.TEXT_PLAIN);
            return;
        }
        LOG.info("CoAP: {} cancelled reservation {}", actor, id);
        context.stateChanged().run();
        exchange.respond(ResponseCode.DELETED);
    }

    private SocketReservations service(CoapExchange exchange) {
        SocketReservations s = context.sources().reservations();
        if (s == null) {
            exchange.setMaxAge(30);
            exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "the control loop is not running", MediaTypeRegistry.TEXT_PLAIN);
        }
        return s;
    }
}
