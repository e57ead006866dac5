package org.microsmartgrid.meter.modbus.profiles;

import static org.microsmartgrid.api.meter.Channel.*;
import static org.microsmartgrid.meter.modbus.registers.RegisterPoint.eastron;

import java.util.List;

import org.microsmartgrid.meter.modbus.registers.RegisterMap;

/**
 * Eastron SDM72D: the registers the original SDM72D defines (totals only). An SDM72D-M (v2) also answers the
 * per-phase SDM630 registers: configure it as SDM630 to get them.
 */
public final class Sdm72dMap {
    public static final RegisterMap MAP = new RegisterMap("SDM72D", List.of(
            eastron(ACTIVE_POWER, 0x0034, 1),
            eastron(IMPORT_ENERGY, 0x0048, Eastron.KWH_TO_WH),
            eastron(EXPORT_ENERGY, 0x004A, Eastron.KWH_TO_WH),
            eastron(TOTAL_ENERGY, 0x0156, Eastron.KWH_TO_WH)),
            Eastron.MAX_PER_REQUEST, Eastron.MAX_GAP);

    private Sdm72dMap() {
    }
}
