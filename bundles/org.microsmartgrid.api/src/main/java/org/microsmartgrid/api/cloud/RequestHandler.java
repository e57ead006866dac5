package org.microsmartgrid.api.cloud;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: serves the requests of one application id. The cloud bundle lists the ids of the handlers
 * registered in its BIRTH/APPS messages ({@code application_ids}) and routes
 * {@code $EDC/{account}/{client}/{appId}/{METHOD}/{resource...}} to {@link #handle}.
 *
 * <p>Called on the cloud bundle's request thread, one request at a time per handler. Must not throw: a bad request
 * is a {@link KuraResponse#badRequest 400}, an unknown resource a {@link KuraResponse#notFound 404}; anything thrown
 * anyway is answered as a 500 by the caller.
 */
@ConsumerType
public interface RequestHandler {

    /** The application id served, e.g. "CONF-V1". Constant for the life of the service. */
    String appId();

    KuraResponse handle(KuraRequest request);
}
