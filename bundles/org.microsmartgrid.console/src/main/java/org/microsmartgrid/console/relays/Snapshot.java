package org.microsmartgrid.console.relays;

import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The relays' states and the meters' readings at one moment, ordered for display. A service that fails while
 * being read (its bundle is stopping) is left out rather than breaking the page.
 */
record Snapshot(List<RelayState> relays, List<MeterReading> meters) {

    static Snapshot of(List<Relay> relays, List<Meter> meters) {
        List<RelayState> states = new ArrayList<>();
        for (Relay relay : relays) {
            try {
                states.add(relay.state());
            } catch (RuntimeException gone) {
                // unregistered meanwhile
            }
        }
        List<MeterReading> readings = new ArrayList<>();
        for (Meter meter : meters) {
            try {
                readings.add(meter.reading());
            } catch (RuntimeException gone) {
                // unregistered meanwhile
            }
        }
        states.sort(Comparator.comparingInt(RelayState::socket).thenComparing(RelayState::relayId));
        readings.sort(Comparator.comparing(MeterReading::meterId));
        return new Snapshot(List.copyOf(states), List.copyOf(readings));
    }

    /** The meter of the relay's socket, if there is one. */
    Optional<MeterReading> socketMeter(int socket) {
        return meters.stream().filter(m -> m.role() == MeterRole.SOCKET && m.socket() == socket).findFirst();
    }
}
