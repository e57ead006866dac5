package org.microsmartgrid.simulator.modbus;

import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;

/**
 * One consistent picture of a device's registers: input registers (FC04) from {@code inputBase} and holding
 * registers (FC03) from {@code holdingBase}. Never changed after construction, so a read copies from one picture
 * and cannot mix the halves of two floats written at different times.
 */
final class DeviceImage {
    static final DeviceImage EMPTY = new DeviceImage(0, new short[0], 0, new short[0]);

    private final int inputBase;
    private final short[] input;
    private final int holdingBase;
    private final short[] holding;

    /** The arrays are taken over, not copied: the renderer hands them over and forgets them. */
    DeviceImage(int inputBase, short[] input, int holdingBase, short[] holding) {
        this.inputBase = inputBase;
        this.input = input;
        this.holdingBase = holdingBase;
        this.holding = holding;
    }

    static DeviceImage inputRegisters(short[] words) {
        return new DeviceImage(0, words, 0, new short[0]);
    }

    static DeviceImage holdingRegisters(int base, short[] words) {
        return new DeviceImage(0, new short[0], base, words);
    }

    InputRegister[] inputRange(int ref, int count) {
        check(ref, count, inputBase, input.length);
        InputRegister[] out = new InputRegister[count];
        for (int i = 0; i < count; i++) out[i] = new SimpleInputRegister(input[ref - inputBase + i] & 0xFFFF);
        return out;
    }

    Register[] holdingRange(int ref, int count) {
        check(ref, count, holdingBase, holding.length);
        Register[] out = new Register[count];
        for (int i = 0; i < count; i++) out[i] = new HoldingRegister(holding[ref - holdingBase + i] & 0xFFFF);
        return out;
    }

    /** Address one past the last input register: j2mod's "count" of a process image is its highest address + 1. */
    int inputEnd() {
        return input.length == 0 ? 0 : inputBase + input.length;
    }

    int holdingEnd() {
        return holding.length == 0 ? 0 : holdingBase + holding.length;
    }

    int holdingWord(int address) {
        check(address, 1, holdingBase, holding.length);
        return holding[address - holdingBase] & 0xFFFF;
    }

    int inputWord(int address) {
        check(address, 1, inputBase, input.length);
        return input[address - inputBase] & 0xFFFF;
    }

    private static void check(int ref, int count, int base, int length) {
        if (count < 1 || ref < base || (long) ref + count > (long) base + length) {
            throw new IllegalAddressException("registers " + ref + ".." + (ref + count - 1) + " are not mapped");
        }
    }
}
