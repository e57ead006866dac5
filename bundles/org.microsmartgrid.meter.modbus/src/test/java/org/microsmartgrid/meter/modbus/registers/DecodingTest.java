package org.microsmartgrid.meter.modbus.registers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class DecodingTest {
    @Test
    void int16IsSignedAndUint16IsNot() {
        int[] w = {0xFF38};
        assertEquals(-200, Decoding.decode(RegisterType.INT16, WordOrder.BIG_ENDIAN, w, 0));
        assertEquals(65336, Decoding.decode(RegisterType.UINT16, WordOrder.BIG_ENDIAN, w, 0));
    }

    @Test
    void thirtyTwoBitValuesHonourTheWordOrder() {
        // 0x0001_86A0 = 100000
        assertEquals(100000, Decoding.decode(RegisterType.UINT32, WordOrder.BIG_ENDIAN, new int[] {0x0001, 0x86A0}, 0));
        assertEquals(100000, Decoding.decode(RegisterType.UINT32, WordOrder.LITTLE_ENDIAN, new int[] {0x86A0, 0x0001}, 0));
        assertEquals(4294967295.0, Decoding.decode(RegisterType.UINT32, WordOrder.BIG_ENDIAN, new int[] {0xFFFF, 0xFFFF}, 0));
        assertEquals(-1, Decoding.decode(RegisterType.INT32, WordOrder.BIG_ENDIAN, new int[] {0xFFFF, 0xFFFF}, 0));
        assertEquals(-100000, Decoding.decode(RegisterType.INT32, WordOrder.LITTLE_ENDIAN, new int[] {0x7960, 0xFFFE}, 0));
    }

    @Test
    void float32AtAnOffsetAndSpecialValuesPassThrough() {
        int bits = Float.floatToIntBits(230.5f);
        int[] w = {0, bits >>> 16, bits & 0xFFFF};
        assertEquals(230.5, Decoding.decode(RegisterType.FLOAT32, WordOrder.BIG_ENDIAN, w, 1));
        int nan = Float.floatToIntBits(Float.NaN);
        assertTrue(Double.isNaN(Decoding.decode(RegisterType.FLOAT32, WordOrder.BIG_ENDIAN, new int[] {nan >>> 16, nan & 0xFFFF}, 0)));
    }

    @Property
    void floatsRoundTripInBothWordOrders(@ForAll float value) {
        int bits = Float.floatToIntBits(value);
        int hi = bits >>> 16, lo = bits & 0xFFFF;
        double big = Decoding.decode(RegisterType.FLOAT32, WordOrder.BIG_ENDIAN, new int[] {hi, lo}, 0);
        double little = Decoding.decode(RegisterType.FLOAT32, WordOrder.LITTLE_ENDIAN, new int[] {lo, hi}, 0);
        assertEquals(Float.floatToIntBits(value), Float.floatToIntBits((float) big));
        assertEquals(Float.floatToIntBits(value), Float.floatToIntBits((float) little));
    }
}
