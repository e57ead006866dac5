package org.microsmartgrid.simulator.modbus;

import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.Register;

/**
 * A holding register of a simulated device. Writes (j2mod's slave calls setValue for FC06 and FC16) go to the device
 * model when the point is writable; otherwise they are refused with exception 02, as a measured value on a real
 * device is.
 */
final class HoldingRegister implements Register {
    private final int value;
    private final int address;
    private final HoldingWrites writes;

    /** A read-only register. */
    HoldingRegister(int value) {
        this(value, -1, null);
    }

    /** @param writes where writes go; null: read-only */
    HoldingRegister(int value, int address, HoldingWrites writes) {
        this.value = value & 0xFFFF;
        this.address = address;
        this.writes = writes;
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
        write(v & 0xFFFF);
    }

    @Override
    public void setValue(short s) {
        write(s & 0xFFFF);
    }

    @Override
    public void setValue(byte[] bytes) {
        write(((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF));
    }

    private void write(int word) {
        if (writes == null) throw new IllegalAddressException("read-only register");
        writes.write(address, word);
    }
}
