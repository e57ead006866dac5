package org.microsmartgrid.coap.server;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.microsmartgrid.api.control.SiteControl;
import org.microsmartgrid.coap.config.Settings;
import org.microsmartgrid.coap.senml.BodyReader;
import org.microsmartgrid.coap.senml.SenmlFormat;
import org.microsmartgrid.coap.senml.WriteBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.Principal;

/**
 * The checks every write passes, in this order: DTLS with a PSK identity (else 4.01), a read-write identity (else
 * 4.03), a body in a format we read (else 4.15) that parses (else 4.00), a running control loop (else 5.03). Each
 * method answers the exchange itself when it refuses, and returns null.
 */
final class WriteAccess {

    private static final Logger LOG = LoggerFactory.getLogger(WriteAccess.class);

    private WriteAccess() {
    }

    /** The actor ("coap:" + PSK identity) allowed to write, or null after answering 4.01 or 4.03. */
    static String actor(CoapExchange exchange, Settings settings) {
        Principal peer = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
        if (!(peer instanceof PreSharedKeyIdentity psk)) {
            exchange.respond(ResponseCode.UNAUTHORIZED, "writes need CoAPS (DTLS) with a pre-shared key", MediaTypeRegistry.TEXT_PLAIN);
            return null;
        }
        if (!settings.writable(psk.getIdentity())) {
            LOG.info("CoAP write refused: identity {} is read-only ({} {})", psk.getIdentity(),
                    exchange.getRequestCode(), exchange.advanced().getRequest().getURI());
            exchange.respond(ResponseCode.FORBIDDEN, "identity " + psk.getIdentity() + " is read-only", MediaTypeRegistry.TEXT_PLAIN);
            return null;
        }
        return "coap:" + psk.getIdentity();
    }

    /** The body's fields, or null after answering 4.15 or 4.00. */
    static WriteBody body(CoapExchange exchange) {
        int contentFormat = exchange.getRequestOptions().getContentFormat();
        SenmlFormat format = SenmlFormat.of(contentFormat);
        if (format == null) {
            exchange.respond(ResponseCode.UNSUPPORTED_CONTENT_FORMAT,
                    "Content-Format: 110 (senml+json), 112 (senml+cbor), 50 (json) or 60 (cbor)", MediaTypeRegistry.TEXT_PLAIN);
            return null;
        }
        try {
            return BodyReader.read(exchange.getRequestPayload(), format);
        } catch (IllegalArgumentException e) {
            badRequest(exchange, e.getMessage());
            return null;
        }
    }

    /** The loop's control service, or null after answering 5.03 (the loop is not configured or not running). */
    static SiteControl siteControl(CoapExchange exchange, CoapContext context) {
        SiteControl control = context.sources().siteControl();
        if (control == null) {
            exchange.setMaxAge(30);
            exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "the control loop is not running", MediaTypeRegistry.TEXT_PLAIN);
        }
        return control;
    }

    static void badRequest(CoapExchange exchange, String why) {
        exchange.respond(ResponseCode.BAD_REQUEST, why, MediaTypeRegistry.TEXT_PLAIN);
    }
}
