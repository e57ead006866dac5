package org.microsmartgrid.simulator.modbus;

import org.microsmartgrid.simulator.model.GridMeterValues;

import java.util.function.ToDoubleFunction;

/**
 * Eastron SDM630 (three-phase) input registers (FC04) the simulator fills, each an IEEE-754 float in two registers,
 * high word first. The first block is what DESIGN.md §4 lists; apparent/reactive power and per-phase power factor
 * sit where the SDM630 manual puts them. Every other address up to {@link #END} reads 0.0, as spare fields would.
 */
enum Sdm630Register {
    VOLTAGE_L1(0x0000, g -> g.phase(1).voltage()),
    VOLTAGE_L2(0x0002, g -> g.phase(2).voltage()),
    VOLTAGE_L3(0x0004, g -> g.phase(3).voltage()),
    CURRENT_L1(0x0006, g -> g.phase(1).current()),
    CURRENT_L2(0x0008, g -> g.phase(2).current()),
    CURRENT_L3(0x000A, g -> g.phase(3).current()),
    ACTIVE_POWER_L1(0x000C, g -> g.phase(1).activePower()),
    ACTIVE_POWER_L2(0x000E, g -> g.phase(2).activePower()),
    ACTIVE_POWER_L3(0x0010, g -> g.phase(3).activePower()),
    APPARENT_POWER_L1(0x0012, g -> g.phase(1).apparentPower()),
    APPARENT_POWER_L2(0x0014, g -> g.phase(2).apparentPower()),
    APPARENT_POWER_L3(0x0016, g -> g.phase(3).apparentPower()),
    REACTIVE_POWER_L1(0x0018, g -> g.phase(1).reactivePower()),
    REACTIVE_POWER_L2(0x001A, g -> g.phase(2).reactivePower()),
    REACTIVE_POWER_L3(0x001C, g -> g.phase(3).reactivePower()),
    POWER_FACTOR_L1(0x001E, g -> g.phase(1).powerFactor()),
    POWER_FACTOR_L2(0x0020, g -> g.phase(2).powerFactor()),
    POWER_FACTOR_L3(0x0022, g -> g.phase(3).powerFactor()),
    TOTAL_ACTIVE_POWER(0x0034, GridMeterValues::totalPower),
    TOTAL_APPARENT_POWER(0x0038, GridMeterValues::totalApparentPower),
    TOTAL_REACTIVE_POWER(0x003C, GridMeterValues::totalReactivePower),
    TOTAL_POWER_FACTOR(0x003E, GridMeterValues::powerFactor),
    FREQUENCY(0x0046, GridMeterValues::frequency),
    IMPORT_ENERGY_KWH(0x0048, GridMeterValues::importKwh),
    EXPORT_ENERGY_KWH(0x004A, GridMeterValues::exportKwh),
    TOTAL_ENERGY_KWH(0x0156, GridMeterValues::totalKwh);

    /** One past the last register the image holds. */
    static final int END = 0x0158;

    final int address;
    private final ToDoubleFunction<GridMeterValues> value;

    Sdm630Register(int address, ToDoubleFunction<GridMeterValues> value) {
        this.address = address;
        this.value = value;
    }

    double valueOf(GridMeterValues g) {
        return value.applyAsDouble(g);
    }

    /** The meter's registers; with {@code nonsense} every value reads NaN (a meter answering garbage). */
    static DeviceImage render(GridMeterValues g, boolean nonsense) {
        short[] words = new short[END];
        for (Sdm630Register r : values()) RegisterWords.float32(words, r.address, nonsense ? Double.NaN : r.valueOf(g));
        return DeviceImage.inputRegisters(words);
    }
}
