package org.microsmartgrid.meter.modbus.registers;

import java.util.List;

/**
 * A device's register map as data, with the rules for grouping its registers into requests.
 *
 * @param name         for logs ("SDM630", "GENERIC")
 * @param points       what to read
 * @param maxPerRequest the most registers the device accepts in one request
 * @param maxGap       how many unused registers a request may span to save a request; 0 when the device rejects
 *                     reads of registers it does not define
 */
public record RegisterMap(String name, List<RegisterPoint> points, int maxPerRequest, int maxGap) {
    public RegisterMap {
        points = List.copyOf(points);
        if (maxPerRequest < 2 || maxPerRequest > Registers.MAX_PER_REQUEST)
            throw new IllegalArgumentException("maxPerRequest must be in 2..125");
    }

    public List<RegisterPoint> points(boolean fast) {
        return points.stream().filter(p -> p.fast() == fast).toList();
    }
}
