package org.microsmartgrid.grid.balancer.runtime;

import java.util.Map;

import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.grid.balancer.decision.Decision;

/** One finished cycle: its number, its decision and what the relays answered. */
public record CycleRecord(long cycle, Decision decision, Map<Integer, RelayResult> relayResults) {

    public CycleRecord {
        relayResults = Map.copyOf(relayResults);
    }
}
