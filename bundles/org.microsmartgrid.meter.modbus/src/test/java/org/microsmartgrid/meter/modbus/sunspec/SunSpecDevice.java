package org.microsmartgrid.meter.modbus.sunspec;

import org.microsmartgrid.meter.modbus.testing.Slave;

/**
 * Writes a SunSpec model chain into a slave's holding registers: common model 1, three-phase inverter 103 and
 * wye meter 203, then the end marker; with scale factors and some "not implemented" points.
 */
public final class SunSpecDevice {
    static final int COMMON_START = 4;   // offsets from the base
    static final int INVERTER_START = COMMON_START + 66 + 2;
    static final int METER_START = INVERTER_START + 50 + 2;
    static final int END = METER_START + 105;

    private SunSpecDevice() {
    }

    public static void write(Slave slave, int unit, int base) {
        slave.holdingWord(unit, base, 0x5375);     // "Su"
        slave.holdingWord(unit, base + 1, 0x6E53); // "nS"
        header(slave, unit, base + COMMON_START, 1, 66);
        text(slave, unit, base + COMMON_START, "Fronius");
        text(slave, unit, base + COMMON_START + 16, "Symo 8.2-3-M");
        text(slave, unit, base + COMMON_START + 48, "31415926");

        int inv = base + INVERTER_START;
        header(slave, unit, inv, 103, 50);
        slave.holdingWord(unit, inv + 1, 105);      // AphA 10.5 A
        slave.holdingWord(unit, inv + 2, 0xFFFF);   // AphB not implemented
        slave.holdingWord(unit, inv + 3, 98);       // AphC 9.8 A
        slave.holdingWord(unit, inv + 4, -1);       // A_SF
        slave.holdingWord(unit, inv + 8, 2305);     // PhVphA 230.5 V
        slave.holdingWord(unit, inv + 9, 2310);
        slave.holdingWord(unit, inv + 10, 2298);
        slave.holdingWord(unit, inv + 11, -1);      // V_SF
        slave.holdingWord(unit, inv + 12, 5432);    // W
        slave.holdingWord(unit, inv + 13, 0);       // W_SF
        slave.holdingWord(unit, inv + 14, 5001);    // Hz 50.01
        slave.holdingWord(unit, inv + 15, -2);      // Hz_SF
        slave.holdingWord(unit, inv + 22, 0x0001);  // WH 123456 (acc32, high word first)
        slave.holdingWord(unit, inv + 23, 0xE240);
        slave.holdingWord(unit, inv + 24, 1);       // WH_SF: x10

        int m = base + METER_START;
        header(slave, unit, m, 203, 105);
        slave.holdingWord(unit, m + 1, 52);         // AphA 5.2 A
        slave.holdingWord(unit, m + 2, 17);
        slave.holdingWord(unit, m + 3, 0x8000);     // AphC not implemented
        slave.holdingWord(unit, m + 4, -1);         // A_SF
        slave.holdingWord(unit, m + 6, 2301);       // PhVphA 230.1 V
        slave.holdingWord(unit, m + 7, 2302);
        slave.holdingWord(unit, m + 8, 2303);
        slave.holdingWord(unit, m + 13, -1);        // V_SF
        slave.holdingWord(unit, m + 14, 0x8000);    // Hz not implemented
        slave.holdingWord(unit, m + 15, -2);
        slave.holdingWord(unit, m + 16, -120);      // W: -1200 W = export (SunSpec meters count import positive)
        slave.holdingWord(unit, m + 17, -40);
        slave.holdingWord(unit, m + 18, -40);
        slave.holdingWord(unit, m + 19, -40);
        slave.holdingWord(unit, m + 20, 1);         // W_SF: x10
        // TotWhExp (36, 37) stays 0: acc32 "not implemented"
        slave.holdingWord(unit, m + 44, 0x0001);    // TotWhImp 98765 Wh = 0x000181CD
        slave.holdingWord(unit, m + 45, 0x81CD);
        slave.holdingWord(unit, m + 52, 0);         // TotWh_SF

        slave.holdingWord(unit, base + END, 0xFFFF);
        slave.holdingWord(unit, base + END + 1, 0);
    }

    private static void header(Slave slave, int unit, int at, int id, int length) {
        slave.holdingWord(unit, at - 2, id);
        slave.holdingWord(unit, at - 1, length);
    }

    private static void text(Slave slave, int unit, int at, String s) {
        for (int i = 0; i < s.length(); i += 2) {
            int hi = s.charAt(i);
            int lo = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            slave.holdingWord(unit, at + i / 2, (hi << 8) | lo);
        }
    }
}
