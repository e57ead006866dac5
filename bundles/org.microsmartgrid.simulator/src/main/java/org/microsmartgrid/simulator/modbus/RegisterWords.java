package org.microsmartgrid.simulator.modbus;

import com.ghgande.j2mod.modbus.util.ModbusUtil;

import java.nio.charset.StandardCharsets;

/** Writes typed values into a block of 16-bit registers, most significant word first (Modbus big-endian). */
final class RegisterWords {
    private RegisterWords() {
    }

    /** IEEE-754 single precision in two registers, high word first: how Eastron meters encode every value. */
    static void float32(short[] words, int index, double value) {
        byte[] b = ModbusUtil.floatToRegisters((float) value);
        words[index] = (short) ((b[0] & 0xFF) << 8 | (b[1] & 0xFF));
        words[index + 1] = (short) ((b[2] & 0xFF) << 8 | (b[3] & 0xFF));
    }

    static void uint16(short[] words, int index, int value) {
        words[index] = (short) value;
    }

    static void uint32(short[] words, int index, long value) {
        words[index] = (short) (value >>> 16);
        words[index + 1] = (short) value;
    }

    /** ASCII, NUL-padded to {@code registers} × 2 characters, as SunSpec strings are. Longer text is cut. */
    static void string(short[] words, int index, int registers, String text) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        for (int r = 0; r < registers; r++) {
            int hi = 2 * r < ascii.length ? ascii[2 * r] & 0xFF : 0;
            int lo = 2 * r + 1 < ascii.length ? ascii[2 * r + 1] & 0xFF : 0;
            words[index + r] = (short) (hi << 8 | lo);
        }
    }
}
