package org.microsmartgrid.simulator.server;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** Settings from {@code key=value} text, keys as in the OSGi configuration, lists comma-separated. */
public final class CommandLineSettings {
    private CommandLineSettings() {
    }

    /** @throws IllegalArgumentException for unknown keys, unparsable numbers and invalid values, naming the key */
    public static SimulatorSettings parse(Map<String, String> options) {
        SettingsBuilder b = SimulatorSettings.builder();
        Map<String, BiConsumer<SettingsBuilder, String>> keys = new HashMap<>();
        keys.put("bind.host", SettingsBuilder::bindHost);
        keys.put("port", (x, v) -> x.port(Integer.parseInt(v)));
        keys.put("seed", (x, v) -> x.seed(Long.parseLong(v)));
        keys.put("time.speed", (x, v) -> x.timeSpeed(Double.parseDouble(v)));
        keys.put("start.time", SettingsBuilder::startTime);
        keys.put("refresh.ms", (x, v) -> x.refreshMs(Long.parseLong(v)));
        keys.put("pv.peak.w", (x, v) -> x.pvPeakW(Double.parseDouble(v)));
        keys.put("cloudiness", (x, v) -> x.cloudiness(Double.parseDouble(v)));
        keys.put("pv.phase", SettingsBuilder::pvPhase);
        keys.put("building.base.w", (x, v) -> x.buildingBaseW(Double.parseDouble(v)));
        keys.put("building.peak.w", (x, v) -> x.buildingPeakW(Double.parseDouble(v)));
        keys.put("building.phase", SettingsBuilder::buildingPhase);
        keys.put("load.extra.w", (x, v) -> x.extraLoadW(Double.parseDouble(v)));
        keys.put("sockets", (x, v) -> x.sockets(v.isBlank() ? new String[0] : v.split(",")));
        keys.put("grid.unit.id", (x, v) -> x.gridUnitId(Integer.parseInt(v)));
        keys.put("pv.unit.id", (x, v) -> x.pvUnitId(Integer.parseInt(v)));
        keys.put("socket.unit.id.base", (x, v) -> x.socketUnitBase(Integer.parseInt(v)));
        keys.put("faults", (x, v) -> x.faults(v.isBlank() ? new String[0] : v.split(",")));
        keys.put("battery.capacity.wh", (x, v) -> x.batteryCapacityWh(Double.parseDouble(v)));
        keys.put("battery.max.charge.w", (x, v) -> x.batteryMaxChargeW(Double.parseDouble(v)));
        keys.put("battery.max.discharge.w", (x, v) -> x.batteryMaxDischargeW(Double.parseDouble(v)));
        keys.put("battery.soc", (x, v) -> x.batterySoc(Double.parseDouble(v)));
        keys.put("battery.reserve", (x, v) -> x.batteryReserve(Double.parseDouble(v)));
        keys.put("battery.unit.id", (x, v) -> x.batteryUnitId(Integer.parseInt(v)));
        keys.put("line.delay.ms", (x, v) -> x.lineDelayMs(Long.parseLong(v)));
        for (Map.Entry<String, String> o : options.entrySet()) {
            BiConsumer<SettingsBuilder, String> setter = keys.get(o.getKey());
            if (setter == null) throw new IllegalArgumentException(o.getKey() + ": unknown setting (known: " + keys.keySet() + ")");
            try {
                setter.accept(b, o.getValue().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(o.getKey() + ": '" + o.getValue() + "' is not a number");
            }
        }
        return b.build();
    }
}
