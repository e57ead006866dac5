package org.microsmartgrid.grid.balancer.runtime;

import java.util.Map;

import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.storage.BatteryResult;
import org.microsmartgrid.grid.balancer.decision.Decision;

/**
 * One finished cycle: its number, its decision, what the relays answered and what the battery answered (null
 * without a steerable battery).
 */
public record CycleRecord(long cycle, Decision decision, Map<Integer, RelayResult> relayResults,
                          BatteryResult batteryResult) {

    public CycleRecord {
        relayResults = Map.copyOf(relayResults);
    }

    public CycleRecord(long cycle, Decision decision, Map<Integer, RelayResult> relayResults) {
        this(cycle, decision, relayResults, null);
    }
}
