package org.microsmartgrid.city.kapua.mode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.microsmartgrid.city.kapua.client.KapuaDevice;

/**
 * The device list as Kapua last gave it, and when: while Kapua is down the city keeps showing it, and says how old
 * it is.
 */
public record LastKnownDevices(List<KapuaDevice> devices, Instant fetchedAt, String lastError) {

    public LastKnownDevices {
        devices = List.copyOf(devices);
    }

    public Duration age(Instant now) {
        return fetchedAt == null ? null : Duration.between(fetchedAt, now);
    }

    static LastKnownDevices none() {
        return new LastKnownDevices(List.of(), null, null);
    }

    LastKnownDevices fresh(List<KapuaDevice> now, Instant at) {
        return new LastKnownDevices(now, at, null);
    }

    LastKnownDevices failed(String error) {
        return new LastKnownDevices(devices, fetchedAt, error);
    }
}
