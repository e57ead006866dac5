package org.microsmartgrid.kura.payload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Kura payload in plain Java: metric values are String, Double, Float, Long, Integer, Boolean or byte[] (the seven
 * Kura value types), in insertion order.
 *
 * @param timestamp capture time, epoch ms; null when absent
 * @param position  the device's position; null when absent
 * @param metrics   name → value
 * @param body      the body; empty when none
 */
public record KuraMessage(Long timestamp, Position position, Map<String, Object> metrics, byte[] body) {

    public KuraMessage {
        Map<String, Object> copy = new LinkedHashMap<>();
        metrics.forEach((k, v) -> {
            if (k == null || v == null) throw new IllegalArgumentException("metric names and values may not be null");
            if (!(v instanceof String || v instanceof Double || v instanceof Float || v instanceof Long
                    || v instanceof Integer || v instanceof Boolean || v instanceof byte[]))
                throw new IllegalArgumentException("metric " + k + ": no Kura type for " + v.getClass().getName());
            copy.put(k, v);
        });
        metrics = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body;
    }

    public static KuraMessage of(long timestamp, Map<String, Object> metrics) {
        return new KuraMessage(timestamp, null, metrics, null);
    }

    /**
     * A position as Kura sends it.
     *
     * @param latitude  degrees
     * @param longitude degrees
     * @param altitude  metres, or null
     */
    public record Position(double latitude, double longitude, Double altitude) {
        public Position {
            if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180))
                throw new IllegalArgumentException("position out of range: " + latitude + ", " + longitude);
        }
    }
}
