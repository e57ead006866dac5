package org.eclipse.kura.message;

import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** Stand-in for Kura 5.5.0's {@code KuraPayload}: timestamp, position, named metrics and a body. */
@ProviderType
public class KuraPayload {

    private final Map<String, Object> metricMap = new HashMap<>();
    private Date timestamp;
    private KuraPosition position;
    private byte[] body;

    public KuraPayload() {
        // empty payload
    }

    public Date getTimestamp() {
        return this.timestamp;
    }

    public void setTimestamp(Date timestamp) {
        this.timestamp = timestamp;
    }

    public KuraPosition getPosition() {
        return this.position;
    }

    public void setPosition(KuraPosition position) {
        this.position = position;
    }

    public Object getMetric(String name) {
        return this.metricMap.get(name);
    }

    public void addMetric(String name, Object value) {
        this.metricMap.put(name, value);
    }

    public void removeMetric(String name) {
        this.metricMap.remove(name);
    }

    public void removeAllMetrics() {
        this.metricMap.clear();
    }

    public Set<String> metricNames() {
        return Collections.unmodifiableSet(this.metricMap.keySet());
    }

    public Iterator<String> metricsIterator() {
        return this.metricMap.keySet().iterator();
    }

    public Map<String, Object> metrics() {
        return Collections.unmodifiableMap(this.metricMap);
    }

    public byte[] getBody() {
        return this.body;
    }

    public void setBody(byte[] body) {
        this.body = body;
    }
}
