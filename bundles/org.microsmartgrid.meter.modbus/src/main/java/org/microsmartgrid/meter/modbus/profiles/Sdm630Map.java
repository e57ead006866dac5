package org.microsmartgrid.meter.modbus.profiles;

import static org.microsmartgrid.api.meter.Channel.*;
import static org.microsmartgrid.meter.modbus.registers.RegisterPoint.eastron;

import java.util.List;

import org.microsmartgrid.meter.modbus.registers.RegisterMap;

/** Eastron SDM630: input registers (FC04), IEEE-754 float32, high word first. */
public final class Sdm630Map {
    public static final RegisterMap MAP = new RegisterMap("SDM630", List.of(
            eastron(VOLTAGE_L1, 0x0000, 1),
            eastron(VOLTAGE_L2, 0x0002, 1),
            eastron(VOLTAGE_L3, 0x0004, 1),
            eastron(CURRENT_L1, 0x0006, 1),
            eastron(CURRENT_L2, 0x0008, 1),
            eastron(CURRENT_L3, 0x000A, 1),
            eastron(ACTIVE_POWER_L1, 0x000C, 1),
            eastron(ACTIVE_POWER_L2, 0x000E, 1),
            eastron(ACTIVE_POWER_L3, 0x0010, 1),
            eastron(ACTIVE_POWER, 0x0034, 1),
            eastron(POWER_FACTOR, 0x003E, 1),
            eastron(FREQUENCY, 0x0046, 1),
            eastron(IMPORT_ENERGY, 0x0048, Eastron.KWH_TO_WH),
            eastron(EXPORT_ENERGY, 0x004A, Eastron.KWH_TO_WH),
            eastron(TOTAL_ENERGY, 0x0156, Eastron.KWH_TO_WH)),
            Eastron.MAX_PER_REQUEST, Eastron.MAX_GAP);

    private Sdm630Map() {
    }
}
