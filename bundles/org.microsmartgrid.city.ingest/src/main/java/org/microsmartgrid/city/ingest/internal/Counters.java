package org.microsmartgrid.city.ingest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What ingest counts, by outcome. Names are the metric names (Prometheus: msg_city_ingest_{name}_total). */
final class Counters {

    enum Name {
        received, applied, stale, duplicate, malformed, unknown_topic, oversized, dropped_queue_full, failed
    }

    private final Map<Name, LongAdder> counts = new LinkedHashMap<>();

    Counters() {
        for (Name n : Name.values()) counts.put(n, new LongAdder());
    }

    void add(Name n) {
        counts.get(n).increment();
    }

    long get(Name n) {
        return counts.get(n).sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        counts.forEach((k, v) -> m.put(k.name(), v.sum()));
        return m;
    }
}
