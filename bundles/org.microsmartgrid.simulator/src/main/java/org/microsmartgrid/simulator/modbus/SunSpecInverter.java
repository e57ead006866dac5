package org.microsmartgrid.simulator.modbus;

import org.microsmartgrid.simulator.model.PvValues;

/**
 * A SunSpec PV inverter's holding registers (FC03): the "SunS" marker at 40000, the common model (1), the inverter
 * model (103 three phase, or 101 single phase), and the end marker. A SunSpec client walks this chain by model id
 * and length, exactly as it does on a real inverter.
 */
final class SunSpecInverter {
    static final int BASE = 40000;
    static final int MARKER_HI = 0x5375; // "Su"
    static final int MARKER_LO = 0x6E53; // "nS"
    static final int COMMON_MODEL_ID = 1;
    static final int COMMON_LENGTH = 66;
    static final int THREE_PHASE_MODEL_ID = 103;
    static final int SINGLE_PHASE_MODEL_ID = 101;
    static final int END_MODEL_ID = 0xFFFF;

    /** Address of the common model's ID register. */
    static final int COMMON_AT = BASE + 2;
    /** Address of the inverter model's ID register. */
    static final int INVERTER_AT = COMMON_AT + 2 + COMMON_LENGTH;
    /** Address of the end marker's ID register. */
    static final int END_AT = INVERTER_AT + 2 + SunSpecInverterPoint.LENGTH;
    static final int REGISTERS = END_AT + 2 - BASE;

    static final String MANUFACTURER = "MicroSmartGrid";
    static final String MODEL = "SIM-PV";
    static final String VERSION = "0.1.0";

    private SunSpecInverter() {
    }

    /**
     * @param pv        what the inverter does now
     * @param serial    its serial number (stable for a seed)
     * @param unitId    the Modbus unit id it answers to (the common model's DA)
     * @param nonsense  measured points read "not implemented" (a faulty inverter)
     */
    static DeviceImage render(PvValues pv, String serial, int unitId, boolean nonsense) {
        boolean threePhase = !pv.connection().singlePhase();
        short[] w = new short[REGISTERS];
        RegisterWords.uint16(w, 0, MARKER_HI);
        RegisterWords.uint16(w, 1, MARKER_LO);

        int c = COMMON_AT - BASE;
        RegisterWords.uint16(w, c, COMMON_MODEL_ID);
        RegisterWords.uint16(w, c + 1, COMMON_LENGTH);
        RegisterWords.string(w, c + 2, 16, MANUFACTURER);  // Mn
        RegisterWords.string(w, c + 18, 16, MODEL);        // Md
        RegisterWords.string(w, c + 34, 8, threePhase ? "3P" : "1P-" + pv.connection()); // Opt
        RegisterWords.string(w, c + 42, 8, VERSION);       // Vr
        RegisterWords.string(w, c + 50, 16, serial);       // SN
        RegisterWords.uint16(w, c + 66, unitId);           // DA
        RegisterWords.uint16(w, c + 67, 0x8000);           // Pad

        int m = INVERTER_AT - BASE;
        RegisterWords.uint16(w, m, threePhase ? THREE_PHASE_MODEL_ID : SINGLE_PHASE_MODEL_ID);
        RegisterWords.uint16(w, m + 1, SunSpecInverterPoint.LENGTH);
        for (SunSpecInverterPoint p : SunSpecInverterPoint.values()) p.write(w, m + 2 + p.offset, pv, threePhase, nonsense);

        RegisterWords.uint16(w, END_AT - BASE, END_MODEL_ID);
        RegisterWords.uint16(w, END_AT - BASE + 1, 0);
        return DeviceImage.holdingRegisters(BASE, w);
    }
}
