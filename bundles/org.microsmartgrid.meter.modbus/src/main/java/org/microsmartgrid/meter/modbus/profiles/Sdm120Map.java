package org.microsmartgrid.meter.modbus.profiles;

import static org.microsmartgrid.api.meter.Channel.*;
import static org.microsmartgrid.meter.modbus.registers.RegisterPoint.eastron;

import java.util.List;

import org.microsmartgrid.meter.modbus.registers.RegisterMap;

/** Eastron SDM120, single phase: its one voltage and current are reported as L1. */
public final class Sdm120Map {
    public static final RegisterMap MAP = new RegisterMap("SDM120", List.of(
            eastron(VOLTAGE_L1, 0x0000, 1),
            eastron(CURRENT_L1, 0x0006, 1),
            eastron(ACTIVE_POWER, 0x000C, 1),
            eastron(POWER_FACTOR, 0x001E, 1),
            eastron(FREQUENCY, 0x0046, 1),
            eastron(IMPORT_ENERGY, 0x0048, Eastron.KWH_TO_WH),
            eastron(EXPORT_ENERGY, 0x004A, Eastron.KWH_TO_WH),
            eastron(TOTAL_ENERGY, 0x0156, Eastron.KWH_TO_WH)),
            Eastron.MAX_PER_REQUEST, Eastron.MAX_GAP);

    private Sdm120Map() {
    }
}
