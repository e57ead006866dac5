package org.microsmartgrid.simulator.modbus;

import static org.microsmartgrid.simulator.modbus.SunSpecPointType.ACC32;
import static org.microsmartgrid.simulator.modbus.SunSpecPointType.BITFIELD32;
import static org.microsmartgrid.simulator.modbus.SunSpecPointType.ENUM16;
import static org.microsmartgrid.simulator.modbus.SunSpecPointType.INT16;
import static org.microsmartgrid.simulator.modbus.SunSpecPointType.SUNSSF;
import static org.microsmartgrid.simulator.modbus.SunSpecPointType.UINT16;

import org.microsmartgrid.simulator.model.PvValues;

import java.util.function.ToDoubleFunction;

/**
 * The points of SunSpec inverter models 101 (single phase) and 103 (three phase), which share one layout of 50
 * registers; offsets count from the first point (right after the model's ID and L). Value points are integers
 * scaled by 10^SF of their scale-factor point. Points the simulator has nothing for carry "not implemented".
 */
enum SunSpecInverterPoint {
    A(0, UINT16, Sf.A, PvValues::totalCurrent),
    APH_A(1, UINT16, Sf.A, pv -> pv.inverterPhase(1).current()),
    APH_B(2, UINT16, Sf.A, pv -> pv.inverterPhase(2).current(), true),
    APH_C(3, UINT16, Sf.A, pv -> pv.inverterPhase(3).current(), true),
    A_SF(4, SUNSSF, Sf.A),
    PPV_PH_AB(5, UINT16, Sf.V, pv -> lineToLine(pv, 1, 2), true),
    PPV_PH_BC(6, UINT16, Sf.V, pv -> lineToLine(pv, 2, 3), true),
    PPV_PH_CA(7, UINT16, Sf.V, pv -> lineToLine(pv, 3, 1), true),
    PH_V_PH_A(8, UINT16, Sf.V, pv -> pv.inverterPhase(1).voltage()),
    PH_V_PH_B(9, UINT16, Sf.V, pv -> pv.inverterPhase(2).voltage(), true),
    PH_V_PH_C(10, UINT16, Sf.V, pv -> pv.inverterPhase(3).voltage(), true),
    V_SF(11, SUNSSF, Sf.V),
    W(12, INT16, Sf.W, PvValues::powerW),
    W_SF(13, SUNSSF, Sf.W),
    HZ(14, UINT16, Sf.HZ, PvValues::frequency),
    HZ_SF(15, SUNSSF, Sf.HZ),
    /** Unity power factor: apparent power equals active power, no reactive power. */
    VA(16, INT16, Sf.VA, PvValues::powerW),
    VA_SF(17, SUNSSF, Sf.VA),
    VAR(18, INT16, Sf.VAR, pv -> 0),
    VAR_SF(19, SUNSSF, Sf.VAR),
    PF(20, INT16, Sf.PF, pv -> 100),
    PF_SF(21, SUNSSF, Sf.PF),
    WH(22, ACC32, Sf.WH, PvValues::energyWh),
    WH_SF(24, SUNSSF, Sf.WH),
    DCA(25, UINT16),
    DCA_SF(26, SUNSSF),
    DCV(27, UINT16),
    DCV_SF(28, SUNSSF),
    DCW(29, INT16),
    DCW_SF(30, SUNSSF),
    TMP_CAB(31, INT16, Sf.TMP, PvValues::cabinetCelsius),
    TMP_SNK(32, INT16),
    TMP_TRNS(33, INT16),
    TMP_OT(34, INT16),
    TMP_SF(35, SUNSSF, Sf.TMP),
    /** Operating state: 4 MPPT while producing, 2 SLEEPING at night. */
    ST(36, ENUM16, 0, pv -> pv.producing() ? 4 : 2),
    ST_VND(37, ENUM16),
    EVT1(38, BITFIELD32, 0, pv -> 0),
    EVT2(40, BITFIELD32, 0, pv -> 0),
    EVT_VND1(42, BITFIELD32),
    EVT_VND2(44, BITFIELD32),
    EVT_VND3(46, BITFIELD32),
    EVT_VND4(48, BITFIELD32);

    /** Registers of the model's points (its L). */
    static final int LENGTH = 50;

    /** Scale factors (powers of ten): 0.01 A, 0.1 V, 1 W, 0.01 Hz, 1 Wh, 0.1 °C, 0.1 % PF. */
    private static final class Sf {
        static final int A = -2;
        static final int V = -1;
        static final int W = 0;
        static final int HZ = -2;
        static final int VA = 0;
        static final int VAR = 0;
        static final int PF = -1;
        static final int WH = 0;
        static final int TMP = -1;
    }

    final int offset;
    final SunSpecPointType type;
    /** For a value point the exponent it is scaled by; for a scale-factor point its own value. */
    final int scale;
    private final ToDoubleFunction<PvValues> value;
    /** Model 101 (single phase) does not implement phase B/C and line-to-line points. */
    final boolean threePhaseOnly;
    private final boolean implemented;

    SunSpecInverterPoint(int offset, SunSpecPointType type, int scale, ToDoubleFunction<PvValues> value, boolean threePhaseOnly) {
        this(offset, type, scale, value, threePhaseOnly, true);
    }

    SunSpecInverterPoint(int offset, SunSpecPointType type, int scale, ToDoubleFunction<PvValues> value) {
        this(offset, type, scale, value, false, true);
    }

    /** A scale-factor point. */
    SunSpecInverterPoint(int offset, SunSpecPointType type, int scale) {
        this(offset, type, scale, null, false, true);
    }

    /** A point the simulator does not implement. */
    SunSpecInverterPoint(int offset, SunSpecPointType type) {
        this(offset, type, 0, null, false, false);
    }

    SunSpecInverterPoint(int offset, SunSpecPointType type, int scale, ToDoubleFunction<PvValues> value,
                         boolean threePhaseOnly, boolean implemented) {
        this.offset = offset;
        this.type = type;
        this.scale = scale;
        this.value = value;
        this.threePhaseOnly = threePhaseOnly;
        this.implemented = implemented;
    }

    boolean isScaleFactor() {
        return type == SUNSSF;
    }

    boolean implemented(boolean threePhase) {
        return implemented && (threePhase || !threePhaseOnly);
    }

    /**
     * Writes this point at {@code index}. With {@code nonsense} every measured point reads "not implemented"
     * (SunSpec's only way to say a value is unusable) while the scale factors stay.
     */
    void write(short[] words, int index, PvValues pv, boolean threePhase, boolean nonsense) {
        if (!implemented(threePhase) || (nonsense && !isScaleFactor())) {
            type.writeNotImplemented(words, index);
        } else if (isScaleFactor()) {
            type.write(words, index, scale);
        } else {
            type.write(words, index, Math.round(value.applyAsDouble(pv) / Math.pow(10, scale)));
        }
    }

    /** Line-to-line voltage of two balanced phases: √3 times their mean phase voltage. */
    private static double lineToLine(PvValues pv, int a, int b) {
        return Math.sqrt(3) * (pv.inverterPhase(a).voltage() + pv.inverterPhase(b).voltage()) / 2;
    }
}
