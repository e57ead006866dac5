package org.microsmartgrid.simulator.modbus;

import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.Register;

/** A holding register that refuses writes (exception 02), as a measured value on a real device does. */
final class ReadOnlyRegister implements Register {
    private final int value;

    ReadOnlyRegister(int value) {
        this.value = value & 0xFFFF;
    }

    @Override
    public int getValue() {
        return value;
    }

    @Override
    public int toUnsignedShort() {
        return value;
    }

    @Override
    public short toShort() {
        return (short) value;
    }

    @Override
    public byte[] toBytes() {
        return new byte[] {(byte) (value >> 8), (byte) value};
    }

    @Override
    public void setValue(int v) {
        throw new IllegalAddressException("read-only register");
    }

    @Override
    public void setValue(short s) {
        throw new IllegalAddressException("read-only register");
    }

    @Override
    public void setValue(byte[] bytes) {
        throw new IllegalAddressException("read-only register");
    }
}
