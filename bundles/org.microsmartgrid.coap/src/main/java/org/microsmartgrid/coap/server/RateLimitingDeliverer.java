package org.microsmartgrid.coap.server;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.DelivererException;
import org.eclipse.californium.core.server.ServerMessageDeliverer;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;

import java.security.Principal;

/**
 * Delivers requests to resources only while the client's token bucket has tokens; otherwise answers 4.29 Too Many
 * Requests with Max-Age = seconds until the next token (RFC 8516). The client is its DTLS identity, else its source
 * address (any port: a client cannot escape by changing port). An unknown path gets 4.04 with a diagnostic payload
 * that points to discovery.
 */
final class RateLimitingDeliverer extends ServerMessageDeliverer {

    private final TokenBuckets buckets;

    RateLimitingDeliverer(Resource root, Configuration config, TokenBuckets buckets) {
        super(root, config);
        this.buckets = buckets;
    }

    @Override
    protected boolean preDeliverRequest(Exchange exchange) {
        Request request = exchange.getRequest();
        Principal peer = request.getSourceContext().getPeerIdentity();
        String client = peer != null ? "id:" + peer.getName() : "ip:" + request.getSourceContext().getPeerAddress().getAddress().getHostAddress();
        long wait = buckets.take(client);
        if (wait == 0) return false;
        Response response = new Response(ResponseCode.TOO_MANY_REQUESTS);
        response.setPayload("too many requests: retry after Max-Age seconds");
        response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN).setMaxAge(wait);
        exchange.sendResponse(response);
        return true;
    }

    @Override
    protected Resource findResource(Exchange exchange) throws DelivererException {
        Resource found = super.findResource(exchange);
        if (found == null) {
            String path = exchange.getRequest().getOptions().getUriPathString();
            if (path.length() > 64) path = path.substring(0, 64) + "…"; // a diagnostic, not an echo service
            throw new DelivererException(ResponseCode.NOT_FOUND, "no resource /" + path
                    + ": the resources are listed at /.well-known/core");
        }
        return found;
    }
}
