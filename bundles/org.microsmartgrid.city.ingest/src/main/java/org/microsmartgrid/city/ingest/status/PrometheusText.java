package org.microsmartgrid.city.ingest.status;

import java.util.Map;

/**
 * Prometheus' text exposition format 0.0.4 (a HELP/TYPE header and one sample line per metric): counters end in
 * _total, gauges do not.
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String PREFIX = "msg_city_ingest_";

    private PrometheusText() {
    }

    static String render(Map<String, Long> counters, Map<String, Long> gauges) {
        StringBuilder b = new StringBuilder();
        counters.forEach((name, v) -> metric(b, PREFIX + name + "_total", "counter", "messages: " + name, v));
        gauges.forEach((name, v) -> metric(b, PREFIX + name, "gauge", name.replace('_', ' '), v));
        return b.toString();
    }

    private static void metric(StringBuilder b, String name, String type, String help, long value) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        b.append(name).append(' ').append(value).append('\n');
    }
}
