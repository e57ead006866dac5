package org.microsmartgrid.simulator.modbus;

import org.microsmartgrid.simulator.model.SocketMeterValues;

import java.util.function.ToDoubleFunction;

/**
 * Eastron SDM120 (single-phase) input registers (FC04), float32 in two registers, high word first: one meter per
 * socket. Every other address up to {@link #END} reads 0.0.
 */
enum Sdm120Register {
    VOLTAGE(0x0000, s -> s.values().voltage()),
    CURRENT(0x0006, s -> s.values().current()),
    ACTIVE_POWER(0x000C, SocketMeterValues::powerW),
    APPARENT_POWER(0x0012, s -> s.values().apparentPower()),
    REACTIVE_POWER(0x0018, s -> s.values().reactivePower()),
    POWER_FACTOR(0x001E, s -> s.values().powerFactor()),
    FREQUENCY(0x0046, SocketMeterValues::frequency),
    IMPORT_ENERGY_KWH(0x0048, SocketMeterValues::importKwh),
    EXPORT_ENERGY_KWH(0x004A, SocketMeterValues::exportKwh),
    TOTAL_ENERGY_KWH(0x0156, SocketMeterValues::totalKwh);

    static final int END = 0x0158;

    final int address;
    private final ToDoubleFunction<SocketMeterValues> value;

    Sdm120Register(int address, ToDoubleFunction<SocketMeterValues> value) {
        this.address = address;
        this.value = value;
    }

    double valueOf(SocketMeterValues s) {
        return value.applyAsDouble(s);
    }

    static DeviceImage render(SocketMeterValues s, boolean nonsense) {
        short[] words = new short[END];
        for (Sdm120Register r : values()) RegisterWords.float32(words, r.address, nonsense ? Double.NaN : r.valueOf(s));
        return DeviceImage.inputRegisters(words);
    }
}
