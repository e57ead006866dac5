package org.microsmartgrid.meter.modbus.sunspec;

import static org.microsmartgrid.api.meter.Channel.*;
import static org.microsmartgrid.meter.modbus.sunspec.SunSpecType.*;

import java.util.List;

/**
 * The points of the SunSpec models this bundle reads, as data (offsets from the SunSpec Information Model
 * Reference; offset 0 is the register after ID and L).
 */
public final class SunSpecModels {
    public static final int COMMON = 1;
    public static final int STORAGE = 124;
    public static final int END = 0xFFFF;

    /** Inverters 101 (single phase), 102 (split phase), 103 (three phase), integer + scale factor. */
    public static final List<SunSpecPoint> INVERTER = List.of(
            new SunSpecPoint("AphA", CURRENT_L1, 1, UINT16, 4),
            new SunSpecPoint("AphB", CURRENT_L2, 2, UINT16, 4),
            new SunSpecPoint("AphC", CURRENT_L3, 3, UINT16, 4),
            new SunSpecPoint("PhVphA", VOLTAGE_L1, 8, UINT16, 11),
            new SunSpecPoint("PhVphB", VOLTAGE_L2, 9, UINT16, 11),
            new SunSpecPoint("PhVphC", VOLTAGE_L3, 10, UINT16, 11),
            new SunSpecPoint("W", ACTIVE_POWER, 12, INT16, 13),
            new SunSpecPoint("Hz", FREQUENCY, 14, UINT16, 15),
            // lifetime AC energy delivered by the inverter
            new SunSpecPoint("WH", EXPORT_ENERGY, 22, ACC32, 24));

    /** Meters 201 (single phase) to 204 (three phase delta), integer + scale factor. W positive = import. */
    public static final List<SunSpecPoint> METER = List.of(
            new SunSpecPoint("AphA", CURRENT_L1, 1, INT16, 4),
            new SunSpecPoint("AphB", CURRENT_L2, 2, INT16, 4),
            new SunSpecPoint("AphC", CURRENT_L3, 3, INT16, 4),
            new SunSpecPoint("PhVphA", VOLTAGE_L1, 6, INT16, 13),
            new SunSpecPoint("PhVphB", VOLTAGE_L2, 7, INT16, 13),
            new SunSpecPoint("PhVphC", VOLTAGE_L3, 8, INT16, 13),
            new SunSpecPoint("Hz", FREQUENCY, 14, INT16, 15),
            new SunSpecPoint("W", ACTIVE_POWER, 16, INT16, 20),
            new SunSpecPoint("WphA", ACTIVE_POWER_L1, 17, INT16, 20),
            new SunSpecPoint("WphB", ACTIVE_POWER_L2, 18, INT16, 20),
            new SunSpecPoint("WphC", ACTIVE_POWER_L3, 19, INT16, 20),
            new SunSpecPoint("TotWhExp", EXPORT_ENERGY, 36, ACC32, 52),
            new SunSpecPoint("TotWhImp", IMPORT_ENERGY, 44, ACC32, 52));

    /** Basic storage controls: ChaState = state of charge in %. */
    public static final List<SunSpecPoint> STORAGE_POINTS = List.of(
            new SunSpecPoint("ChaState", STATE_OF_CHARGE, 6, UINT16, 20));

    private SunSpecModels() {
    }

    public static boolean isInverter(int id) {
        return id >= 101 && id <= 103;
    }

    public static boolean isMeter(int id) {
        return id >= 201 && id <= 204;
    }
}
