package org.microsmartgrid.city.ingest;

import java.util.Map;

/** What operators see of the ingest: counters since start and gauges now, by metric name. */
public interface IngestMonitor {

    /** Monotonic counters (messages received, applied, dropped...), name → count. */
    Map<String, Long> counters();

    /** Gauges: queue length, lag of the last applied message (ms), modules online. */
    Map<String, Long> gauges();
}
