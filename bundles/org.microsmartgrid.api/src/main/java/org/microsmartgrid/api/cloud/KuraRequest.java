package org.microsmartgrid.api.cloud;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request from the cloud, as Kura defines it.
 *
 * @param appId             the application id, e.g. "CONF-V1"
 * @param method            GET, PUT, POST, DEL or EXEC
 * @param resources         the topic levels after the method, e.g. ["configurations", "org.microsmartgrid.grid.balancer"]
 * @param metrics           the payload's metrics (String, Long, Integer, Double, Float, Boolean or byte[] values),
 *                          {@code request.id} and {@code requester.client.id} included
 * @param body              the payload's body, empty when none
 * @param requestId         the {@code request.id} metric
 * @param requesterClientId the {@code requester.client.id} metric: who asks (the reply goes to its topic)
 */
public record KuraRequest(String appId, String method, List<String> resources, Map<String, Object> metrics,
                          byte[] body, String requestId, String requesterClientId) {

    public static final String GET = "GET";
    public static final String PUT = "PUT";
    public static final String POST = "POST";
    public static final String DEL = "DEL";
    public static final String EXEC = "EXEC";

    public KuraRequest {
        resources = List.copyOf(resources);
        metrics = Map.copyOf(metrics);
        body = body == null ? new byte[0] : body;
    }

    /** The resource at a position, if present. */
    public Optional<String> resource(int index) {
        return index < resources.size() ? Optional.of(resources.get(index)) : Optional.empty();
    }

    /** A metric as a string (whatever its type), if present. */
    public Optional<String> metric(String name) {
        Object v = metrics.get(name);
        return v == null ? Optional.empty() : Optional.of(v instanceof byte[] ? new String((byte[]) v) : v.toString());
    }
}
