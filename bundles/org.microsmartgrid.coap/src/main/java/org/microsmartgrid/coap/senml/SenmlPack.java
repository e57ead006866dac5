package org.microsmartgrid.coap.senml;

import java.util.List;
import java.util.Optional;

/**
 * A SenML pack: records sharing a base name and a base time (seconds since the epoch, as RFC 8428 wants).
 */
public record SenmlPack(String baseName, double baseTime, List<SenmlRecord> records) {

    public SenmlPack {
        records = List.copyOf(records);
    }

    /** The same pack with its base name under a prefix (the module's identity, e.g. "urn:dev:mac:0024befffe804ff1:"). */
    public SenmlPack under(String prefix) {
        return prefix == null || prefix.isEmpty() ? this : new SenmlPack(prefix + baseName, baseTime, records);
    }

    /** The record with a (relative) name, if present. */
    public Optional<SenmlRecord> get(String name) {
        return records.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
