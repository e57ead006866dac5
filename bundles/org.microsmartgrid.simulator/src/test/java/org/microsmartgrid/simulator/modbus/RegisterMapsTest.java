package org.microsmartgrid.simulator.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.util.ModbusUtil;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.simulator.model.GridMeterValues;
import org.microsmartgrid.simulator.model.PhaseConnection;
import org.microsmartgrid.simulator.model.PhaseValues;
import org.microsmartgrid.simulator.model.PvValues;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

class RegisterMapsTest {

    @Test
    void sdm630AddressesAreTheOnesInTheDesign() {
        Map<String, Integer> design = Map.ofEntries(
                Map.entry("VOLTAGE_L1", 0x0000), Map.entry("VOLTAGE_L2", 0x0002), Map.entry("VOLTAGE_L3", 0x0004),
                Map.entry("CURRENT_L1", 0x0006), Map.entry("CURRENT_L2", 0x0008), Map.entry("CURRENT_L3", 0x000A),
                Map.entry("ACTIVE_POWER_L1", 0x000C), Map.entry("ACTIVE_POWER_L2", 0x000E), Map.entry("ACTIVE_POWER_L3", 0x0010),
                Map.entry("TOTAL_ACTIVE_POWER", 0x0034), Map.entry("TOTAL_POWER_FACTOR", 0x003E), Map.entry("FREQUENCY", 0x0046),
                Map.entry("IMPORT_ENERGY_KWH", 0x0048), Map.entry("EXPORT_ENERGY_KWH", 0x004A), Map.entry("TOTAL_ENERGY_KWH", 0x0156));
        design.forEach((name, address) -> assertEquals(address, Sdm630Register.valueOf(name).address, name));
        assertNoOverlaps(Arrays.stream(Sdm630Register.values()).mapToInt(r -> r.address).toArray(), Sdm630Register.END);
    }

    @Test
    void sdm120AddressesAreEastrons() {
        Map<String, Integer> manual = Map.of("VOLTAGE", 0x0000, "CURRENT", 0x0006, "ACTIVE_POWER", 0x000C,
                "POWER_FACTOR", 0x001E, "FREQUENCY", 0x0046, "IMPORT_ENERGY_KWH", 0x0048, "EXPORT_ENERGY_KWH", 0x004A,
                "TOTAL_ENERGY_KWH", 0x0156);
        manual.forEach((name, address) -> assertEquals(address, Sdm120Register.valueOf(name).address, name));
        assertNoOverlaps(Arrays.stream(Sdm120Register.values()).mapToInt(r -> r.address).toArray(), Sdm120Register.END);
    }

    @Test
    void floatsAreBigEndianWordOrder() {
        GridMeterValues g = grid(1234.5f);
        DeviceImage image = Sdm630Register.render(g, false);
        InputRegister[] regs = image.inputRange(0x0034, 2);
        assertEquals(Float.floatToIntBits(3 * 1234.5f) >>> 16, regs[0].getValue(), "high word first");
        assertEquals(Float.floatToIntBits(3 * 1234.5f) & 0xFFFF, regs[1].getValue());
        assertEquals(3 * 1234.5f, ModbusUtil.registersToFloat(bytes(regs)));
    }

    @Test
    void theNanFaultTurnsEveryValueIntoNaN() {
        DeviceImage image = Sdm630Register.render(grid(100), true);
        for (Sdm630Register r : Sdm630Register.values()) {
            assertTrue(Float.isNaN(ModbusUtil.registersToFloat(bytes(image.inputRange(r.address, 2)))), r.name());
        }
    }

    @Test
    void inverterPointsTileTheFiftyRegistersOfModel103() {
        int next = 0;
        for (SunSpecInverterPoint p : SunSpecInverterPoint.values()) {
            assertEquals(next, p.offset, p + " follows the previous point without a gap");
            next += p.type.registers;
        }
        assertEquals(SunSpecInverterPoint.LENGTH, next);
        // Spot checks against the SunSpec model 103 definition.
        assertEquals(12, SunSpecInverterPoint.W.offset);
        assertEquals(14, SunSpecInverterPoint.HZ.offset);
        assertEquals(22, SunSpecInverterPoint.WH.offset);
        assertEquals(36, SunSpecInverterPoint.ST.offset);
    }

    @Test
    void valuePointsAreScaledByTheirScaleFactorPoint() {
        Map<SunSpecInverterPoint, SunSpecInverterPoint> sf = new TreeMap<>(Map.of(
                SunSpecInverterPoint.A, SunSpecInverterPoint.A_SF, SunSpecInverterPoint.APH_A, SunSpecInverterPoint.A_SF,
                SunSpecInverterPoint.PH_V_PH_A, SunSpecInverterPoint.V_SF, SunSpecInverterPoint.PPV_PH_AB, SunSpecInverterPoint.V_SF,
                SunSpecInverterPoint.W, SunSpecInverterPoint.W_SF, SunSpecInverterPoint.HZ, SunSpecInverterPoint.HZ_SF,
                SunSpecInverterPoint.WH, SunSpecInverterPoint.WH_SF, SunSpecInverterPoint.TMP_CAB, SunSpecInverterPoint.TMP_SF,
                SunSpecInverterPoint.PF, SunSpecInverterPoint.PF_SF, SunSpecInverterPoint.VA, SunSpecInverterPoint.VA_SF));
        sf.forEach((value, factor) -> assertEquals(factor.scale, value.scale, value + " uses " + factor));
    }

    @Test
    void sunSpecChainMarkerCommonInverterEnd() {
        DeviceImage image = SunSpecInverter.render(pv(PhaseConnection.THREE_PHASE, 2345.4), "SIM-1", 2, false);
        assertEquals(0x5375, image.holdingWord(40000));
        assertEquals(0x6E53, image.holdingWord(40001));
        assertEquals(1, image.holdingWord(40002));
        assertEquals(66, image.holdingWord(40003));
        assertEquals(103, image.holdingWord(40070));
        assertEquals(50, image.holdingWord(40071));
        assertEquals(0xFFFF, image.holdingWord(40122));
        assertEquals(0, image.holdingWord(40123));
        assertEquals(2345, (short) image.holdingWord(40072 + 12), "W with W_SF 0");
        assertEquals(0x4D69, image.holdingWord(40004), "Mn starts with 'Mi'");
    }

    @Test
    void aSinglePhaseInverterIsModel101WithoutPhasesBAndC() {
        DeviceImage image = SunSpecInverter.render(pv(PhaseConnection.L2, 1000), "SIM-1", 2, false);
        assertEquals(101, image.holdingWord(40070));
        assertEquals(0xFFFF, image.holdingWord(40072 + SunSpecInverterPoint.APH_B.offset));
        assertEquals(0xFFFF, image.holdingWord(40072 + SunSpecInverterPoint.PH_V_PH_C.offset));
        assertTrue(image.holdingWord(40072 + SunSpecInverterPoint.APH_A.offset) > 0, "phase A is the inverter's own phase (L2)");
    }

    @Test
    void unimplementedPointsCarrySunSpecsNotImplementedValues() {
        DeviceImage image = SunSpecInverter.render(pv(PhaseConnection.THREE_PHASE, 1000), "SIM-1", 2, false);
        assertEquals(0xFFFF, image.holdingWord(40072 + SunSpecInverterPoint.DCA.offset), "uint16");
        assertEquals(0x8000, image.holdingWord(40072 + SunSpecInverterPoint.DCW.offset), "int16");
        assertEquals(0x8000, image.holdingWord(40072 + SunSpecInverterPoint.DCA_SF.offset), "sunssf");
        assertEquals(0xFFFF, image.holdingWord(40072 + SunSpecInverterPoint.EVT_VND1.offset), "bitfield32");
        assertEquals(0xFFFF, image.holdingWord(40072 + SunSpecInverterPoint.EVT_VND1.offset + 1), "bitfield32");
    }

    private static GridMeterValues grid(float watts) {
        PhaseValues p = PhaseValues.of(230, watts, 0);
        return new GridMeterValues(List.of(p, p, p), 50, 1000, 200);
    }

    private static PvValues pv(PhaseConnection c, double watts) {
        List<PhaseValues> phases = List.of(0, 1, 2).stream()
                .map(i -> PhaseValues.of(230, watts * c.share(i), 0)).toList();
        return new PvValues(c, phases, watts, 50, 123_456, 30);
    }

    static byte[] bytes(InputRegister[] regs) {
        byte[] out = new byte[regs.length * 2];
        for (int i = 0; i < regs.length; i++) System.arraycopy(regs[i].toBytes(), 0, out, 2 * i, 2);
        return out;
    }

    private static void assertNoOverlaps(int[] addresses, int end) {
        int[] sorted = addresses.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) assertTrue(sorted[i] - sorted[i - 1] >= 2, "floats at " + sorted[i - 1] + " and " + sorted[i] + " overlap");
        assertTrue(sorted[sorted.length - 1] + 2 <= end);
    }
}
