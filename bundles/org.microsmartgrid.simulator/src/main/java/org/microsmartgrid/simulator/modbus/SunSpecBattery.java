package org.microsmartgrid.simulator.modbus;

import java.util.List;

import org.microsmartgrid.simulator.model.HomeBattery;
import org.microsmartgrid.simulator.model.PhaseConnection;
import org.microsmartgrid.simulator.model.PhaseValues;
import org.microsmartgrid.simulator.model.PvValues;

/**
 * The home battery as a SunSpec device: the common model, a three-phase inverter model 103 (W discharge positive,
 * as a hybrid inverter reports it) and storage model 124, then the end marker. The model 124 controls are writable
 * (see {@link HomeBattery#writable}); every other register refuses writes.
 */
final class SunSpecBattery {
    static final int STORAGE_ID = 124;
    static final int STORAGE_LENGTH = 24;
    /** Address of model 124's first data register. */
    static final int STORAGE_START = SunSpecInverter.END_AT + 2;
    static final int END_AT = STORAGE_START + STORAGE_LENGTH;

    private SunSpecBattery() {
    }

    static DeviceImage render(HomeBattery battery, double volts, double hz, String serial, int unitId, boolean nonsense) {
        double w = battery.powerW();
        PhaseValues phase = PhaseValues.of(volts, w / 3, 0);
        PvValues ac = new PvValues(PhaseConnection.THREE_PHASE, List.of(phase, phase, phase), w, hz, 0, 30);
        DeviceImage inverter = SunSpecInverter.render(ac, serial, unitId, nonsense);
        short[] words = new short[END_AT + 2 - SunSpecInverter.BASE];
        for (int a = SunSpecInverter.BASE; a < SunSpecInverter.END_AT; a++)
            words[a - SunSpecInverter.BASE] = (short) inverter.holdingWord(a);
        int s = STORAGE_START - SunSpecInverter.BASE;
        RegisterWords.uint16(words, s - 2, STORAGE_ID);
        RegisterWords.uint16(words, s - 1, STORAGE_LENGTH);
        short[] storage = battery.storageWords();
        if (nonsense) storage[6] = (short) 0xFFFF; // ChaState not implemented
        System.arraycopy(storage, 0, words, s, STORAGE_LENGTH);
        RegisterWords.uint16(words, END_AT - SunSpecInverter.BASE, SunSpecInverter.END_MODEL_ID);
        RegisterWords.uint16(words, END_AT - SunSpecInverter.BASE + 1, 0);
        return DeviceImage.holdingRegisters(SunSpecInverter.BASE, words);
    }

    /** The model 124 offset of a holding register address, or -1 outside the model. */
    static int storageOffset(int address) {
        int o = address - STORAGE_START;
        return o >= 0 && o < STORAGE_LENGTH ? o : -1;
    }
}
