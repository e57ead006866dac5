package org.microsmartgrid.meter.modbus.battery;

import org.microsmartgrid.meter.modbus.testing.Slave;

/** A SunSpec chain with common model 1 and storage model 124 in a slave's holding registers. */
public final class StorageDevice {
    public static final int BASE = 40000;
    public static final int STORAGE = BASE + 2 + 2 + 66 + 2; // first data register of model 124

    private StorageDevice() {
    }

    /** WChaMax = raw × 10^wSf W, rates in 10^rateSf %; {@code registers} cuts the model short (a broken device). */
    public static void write(Slave slave, int unit, int wChaMaxRaw, int wSf, int rateSf, int registers) {
        slave.holdingWord(unit, BASE, 0x5375);
        slave.holdingWord(unit, BASE + 1, 0x6E53);
        slave.holdingWord(unit, BASE + 2, 1);
        slave.holdingWord(unit, BASE + 3, 66);
        slave.holdingWord(unit, STORAGE - 2, 124);
        slave.holdingWord(unit, STORAGE - 1, 24);
        slave.holdingWord(unit, STORAGE + 24, 0xFFFF);
        slave.holdingWord(unit, STORAGE + 25, 0);
        slave.holdingWord(unit, STORAGE + StoragePoints.W_CHA_MAX, wChaMaxRaw);
        slave.holdingWord(unit, STORAGE + StoragePoints.W_CHA_MAX_SF, wSf);
        slave.holdingWord(unit, STORAGE + StoragePoints.IN_OUT_W_RTE_SF, rateSf);
        if (registers < 24) {
            // a device whose image ends inside the model: reads of the header work, the block read fails
            for (int i = registers; i < 26; i++) slave.unit(unit).removeRegister(slave.unit(unit).getRegister(STORAGE + registers));
        }
    }

    public static int word(Slave slave, int unit, int offset) {
        return slave.unit(unit).getRegister(STORAGE + offset).getValue();
    }
}
