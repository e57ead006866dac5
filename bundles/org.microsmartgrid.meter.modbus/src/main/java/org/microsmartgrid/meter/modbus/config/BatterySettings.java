package org.microsmartgrid.meter.modbus.config;

import org.microsmartgrid.meter.modbus.registers.Registers;

/** A steerable battery's validated configuration (see {@link ModbusBatteryConfig}). */
public record BatterySettings(String batteryId, String busId, String busTarget, int unitId, int sunspecBaseAddress,
                              int maxChargeW, int maxDischargeW, boolean exportAllowed) {

    /** Validates a configuration; the exception lists every bad property. */
    public static BatterySettings from(ModbusBatteryConfig c) {
        Problems p = new Problems();
        p.id("battery.id", c.battery_id());
        p.id("bus.id", c.bus_id());
        p.range("unit.id", c.unit_id(), 1, 247);
        p.range("sunspec.base.address", c.sunspec_base_address(), 0, Registers.MAX_ADDRESS);
        p.atLeast("max.charge.w", c.max_charge_w(), 1);
        p.atLeast("max.discharge.w", c.max_discharge_w(), 1);
        p.throwIfAny();
        return new BatterySettings(c.battery_id(), c.bus_id(), c.bus_target(), c.unit_id(), c.sunspec_base_address(),
                c.max_charge_w(), c.max_discharge_w(), c.export_allowed());
    }

    public String expectedBusTarget() {
        return BusTarget.filterFor(busId);
    }
}
