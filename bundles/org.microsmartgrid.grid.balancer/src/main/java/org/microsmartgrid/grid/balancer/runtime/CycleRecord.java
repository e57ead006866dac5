package org.microsmartgrid.grid.balancer.runtime;

import java.util.List;
import java.util.Map;

import org.microsmartgrid.api.control.BatteryHour;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.storage.BatteryResult;
import org.microsmartgrid.grid.balancer.decision.Decision;

/**
 * One finished cycle: its number, its decision, what the relays answered and what the battery answered (null
 * without a steerable battery), the battery's hours so far and why the prices did not load (null: they did, or
 * none are configured).
 */
public record CycleRecord(long cycle, Decision decision, Map<Integer, RelayResult> relayResults,
                          BatteryResult batteryResult, List<BatteryHour> batteryHours, String priceProblem) {

    public CycleRecord {
        relayResults = Map.copyOf(relayResults);
        batteryHours = List.copyOf(batteryHours);
    }

    public CycleRecord(long cycle, Decision decision, Map<Integer, RelayResult> relayResults,
                       BatteryResult batteryResult) {
        this(cycle, decision, relayResults, batteryResult, List.of(), null);
    }

    public CycleRecord(long cycle, Decision decision, Map<Integer, RelayResult> relayResults) {
        this(cycle, decision, relayResults, null);
    }
}
