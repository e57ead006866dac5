package org.microsmartgrid.simulator;

import org.microsmartgrid.simulator.server.SimulatorSettings;

/** Turns the OSGi configuration into validated settings (the validation itself lives in the settings builder). */
final class ConfigSettings {
    private ConfigSettings() {
    }

    /** @throws IllegalArgumentException naming the offending property */
    static SimulatorSettings from(SimulatedBuildingConfig c) {
        return SimulatorSettings.builder()
                .bindHost(c.bind_host())
                .port(c.port())
                .seed(c.seed())
                .timeSpeed(c.time_speed())
                .startTime(c.start_time())
                .refreshMs(c.refresh_ms())
                .pvPeakW(c.pv_peak_w())
                .cloudiness(c.cloudiness())
                .pvPhase(c.pv_phase())
                .buildingBaseW(c.building_base_w())
                .buildingPeakW(c.building_peak_w())
                .buildingPhase(c.building_phase())
                .extraLoadW(c.load_extra_w())
                .sockets(c.sockets())
                .gridUnitId(c.grid_unit_id())
                .pvUnitId(c.pv_unit_id())
                .socketUnitBase(c.socket_unit_id_base())
                .faults(c.faults())
                .batteryCapacityWh(c.battery_capacity_wh())
                .batteryMaxChargeW(c.battery_max_charge_w())
                .batteryMaxDischargeW(c.battery_max_discharge_w())
                .batterySoc(c.battery_soc())
                .batteryReserve(c.battery_reserve())
                .batteryUnitId(c.battery_unit_id())
                .lineDelayMs(c.line_delay_ms())
                .build();
    }
}
