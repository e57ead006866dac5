package org.microsmartgrid.cloud.kapua.city;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.microsmartgrid.api.cloud.CityFaultReports;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.api.cloud.RequestHandler;
import org.microsmartgrid.telemetry.MessageClass;
import org.microsmartgrid.telemetry.MessageSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code CITY-V1 EXEC faults}: the city tells the module that a driver reported a fault on its point
 * (docs/cloud-management.md). A valid request becomes the module's own event {@code msg/events/fault}, queued in the
 * outbox like every other event (docs/cloud-telemetry.md); a bad one is a 400 and queues nothing. The event is keyed
 * by the fault id, so the city's retries never make a second event.
 */
public final class CityFaultHandler implements RequestHandler, CityFaultReports {

    public static final String APP_ID = "CITY-V1";
    public static final String RESOURCE = "events/fault";
    /** Kinds a driver can report (city.people's fault kinds). */
    public static final Set<String> KINDS = Set.of("NO_POWER", "DAMAGED", "BLOCKED", "UNSAFE", "OTHER");
    /** How many faults /status shows; the cloud keeps the history. */
    public static final int KEPT = 5;

    private static final Logger LOG = LoggerFactory.getLogger(CityFaultHandler.class);
    // the city's fault ids are UUIDs; anything id-like up to 64 characters is accepted, nothing that could be markup
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final MessageSink sink;
    private final Deque<Report> recent = new ArrayDeque<>();

    public CityFaultHandler(MessageSink sink) {
        this.sink = sink;
    }

    @Override
    public String appId() {
        return APP_ID;
    }

    @Override
    public KuraResponse handle(KuraRequest request) {
        if (!KuraRequest.EXEC.equals(request.method()) || !List.of("faults").equals(request.resources()))
            return KuraResponse.notFound(APP_ID + " serves EXEC faults only, not " + request.method() + " "
                    + String.join("/", request.resources()));
        Object id = request.metrics().get("fault_id");
        Object kind = request.metrics().get("kind");
        Object reported = request.metrics().get("reported");
        if (!(id instanceof String faultId) || !ID.matcher(faultId).matches())
            return KuraResponse.badRequest("fault_id: a string of 1-64 letters, digits, . _ - is required");
        if (!(kind instanceof String k) || !KINDS.contains(k))
            return KuraResponse.badRequest("kind: one of " + String.join(", ", KINDS.stream().sorted().toList())
                    + " is required");
        if (!(reported instanceof Long at) || at <= 0)
            return KuraResponse.badRequest("reported: the report's time in epoch ms (INT64 > 0) is required");
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("fault_id", faultId);
        metrics.put("kind", k);
        metrics.put("reported", at);
        boolean queued = sink.sendOnce("fault:" + faultId, RESOURCE, MessageClass.EVENT, at, metrics);
        if (queued) remember(new Report(faultId, k, java.time.Instant.ofEpochMilli(at)));
        LOG.info("fault {} ({}) reported by the city{} / guasto segnalato dalla città", faultId, k,
                queued ? ": event queued" : ": already known");
        return KuraResponse.ok();
    }

    private synchronized void remember(Report f) {
        recent.addFirst(f);
        while (recent.size() > KEPT) recent.removeLast();
    }

    /** The latest faults the city reported since this link started, newest first. */
    @Override
    public synchronized List<Report> recent() {
        return new ArrayList<>(recent);
    }
}
