package org.microsmartgrid.grid.balancer.runtime;

import org.microsmartgrid.api.meter.MeterReading;
import java.util.List;
import java.util.Map;

import org.microsmartgrid.api.control.BatteryHour;
import org.microsmartgrid.api.relay.RelayResult;
import org.microsmartgrid.api.storage.BatteryResult;
import org.microsmartgrid.grid.balancer.decision.Decision;

/**
 * One finished cycle: its number, its decision, what the relays answered and what the battery answered (null
 * without a steerable battery), the battery's hours so far, why the prices did not load (null: they did, or
 * none are configured) and the meters' readings the decision was made from.
 */
public record CycleRecord(long cycle, Decision decision, Map<Integer, RelayResult> relayResults,
                          BatteryResult batteryResult, List<BatteryHour> batteryHours, String priceProblem,
                          List<MeterReading> readings) {

    public CycleRecord {
        relayResults = Map.copyOf(relayResults);
        batteryHours = List.copyOf(batteryHours);
        readings = List.copyOf(readings);
    }

    public CycleRecord(long cycle, Decision decision, Map<Integer, RelayResult> relayResults,
                       BatteryResult batteryResult, List<BatteryHour> batteryHours, String priceProblem) {
        this(cycle, decision, relayResults, batteryResult, batteryHours, priceProblem, List.of());
    }

    public CycleRecord(long cycle, Decision decision, Map<Integer, RelayResult> relayResults,
                       BatteryResult batteryResult) {
        this(cycle, decision, relayResults, batteryResult, List.of(), null);
    }

    public CycleRecord(long cycle, Decision decision, Map<Integer, RelayResult> relayResults) {
        this(cycle, decision, relayResults, null);
    }
}
