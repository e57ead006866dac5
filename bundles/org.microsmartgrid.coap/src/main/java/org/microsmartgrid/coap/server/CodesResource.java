package org.microsmartgrid.coap.server;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.microsmartgrid.api.building.DoorAccess;
import org.microsmartgrid.api.building.DoorAccess.CodeKind;
import org.microsmartgrid.api.building.DoorAccess.IssuedCode;
import org.microsmartgrid.coap.senml.SenmlPack;
import org.microsmartgrid.coap.senml.SenmlRecord;
import org.microsmartgrid.coap.senml.WriteBody;

/**
 * /building/codes: POST {"door":"portone","kind":"COURIER","minutes":120} (optional "starts_in_minutes", and
 * "reason", mandatory for INTERVENTION) from a read-write identity: 2.01 with the code in clear, once, over DTLS;
 * 4.00 with the reason when the request is refused (nothing is issued). DELETE {@code ?id=<code id>} from a
 * read-write identity revokes a code before its window ends: 2.02, or 4.04 when no live code has that id (unknown,
 * used, ended or revoked already).
 */
final class CodesResource extends CoapResource {
    private static final Set<String> FIELDS = Set.of("door", "kind", "minutes", "starts_in_minutes", "reason");
    private final CoapContext context;

    CodesResource(CoapContext context) {
        super("codes");
        this.context = context;
        getAttributes().addResourceType("msg.building.codes");
        getAttributes().addInterfaceDescription("core.a");
    }

    @Override
    public void handleDELETE(CoapExchange exchange) {
        String actor = WriteAccess.actor(exchange, context.settings());
        if (actor == null) return;
        String id = exchange.getQueryParameter("id");
        if (id == null || id.isBlank()) {
            WriteAccess.badRequest(exchange, "which code? DELETE /building/codes?id=<code id>");
            return;
        }
        DoorAccess access = BuildingWrites.access(exchange, context);
        if (access == null) return;
        if (!access.revoke(id.strip(), actor)) {
            exchange.respond(ResponseCode.NOT_FOUND, "no live code " + id + " (unknown, used, ended or revoked)",
                    MediaTypeRegistry.TEXT_PLAIN);
            return;
        }
        exchange.respond(ResponseCode.DELETED);
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        String actor = WriteAccess.actor(exchange, context.settings());
        if (actor == null) return;
        WriteBody body = WriteAccess.body(exchange);
        if (body == null) return;
        if (!FIELDS.containsAll(body.values().keySet()) || !(body.get("door") instanceof String door)
                || !(body.get("kind") instanceof String kindText) || !(body.get("minutes") instanceof Double minutes)
                || !(body.get("starts_in_minutes") == null || body.get("starts_in_minutes") instanceof Double)
                || !(body.get("reason") == null || body.get("reason") instanceof String)) {
            WriteAccess.badRequest(exchange, "fields: door (string), kind (COURIER or INTERVENTION), minutes "
                    + "(number), optional starts_in_minutes (number) and reason (string, required for INTERVENTION)");
            return;
        }
        CodeKind kind;
        try {
            kind = CodeKind.valueOf(kindText.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            WriteAccess.badRequest(exchange, "kind must be COURIER or INTERVENTION");
            return;
        }
        double startsIn = body.get("starts_in_minutes") == null ? 0 : (Double) body.get("starts_in_minutes");
        if (minutes != Math.rint(minutes) || startsIn != Math.rint(startsIn) || minutes < 1 || startsIn < 0
                || minutes > 100_000 || startsIn > 100_000) {
            WriteAccess.badRequest(exchange, "minutes and starts_in_minutes must be whole numbers (minutes ≥ 1)");
            return;
        }
        DoorAccess access = BuildingWrites.access(exchange, context);
        if (access == null) return;
        Instant from = context.clock().instant().plus(Duration.ofMinutes((long) startsIn));
        IssuedCode issued;
        try {
            issued = access.issue(door, kind, from, from.plus(Duration.ofMinutes(minutes.longValue())),
                    (String) body.get("reason"), actor);
        } catch (IllegalArgumentException e) {
            WriteAccess.badRequest(exchange, e.getMessage());
            return;
        }
        BuildingWrites.respond(exchange, ResponseCode.CREATED, new SenmlPack("building/codes/",
                context.clock().millis() / 1000.0, List.of(SenmlRecord.string("id", issued.id()),
                SenmlRecord.string("door", issued.door()), SenmlRecord.string("kind", issued.kind().name()),
                SenmlRecord.string("code", issued.code()),
                SenmlRecord.number("from", "s", issued.from().toEpochMilli() / 1000.0),
                SenmlRecord.number("until", "s", issued.until().toEpochMilli() / 1000.0))), context);
    }
}
