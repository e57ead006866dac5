package org.microsmartgrid.simulator.modbus;

import com.ghgande.j2mod.modbus.procimg.Register;

/** A holding register whose writes go to the device model (j2mod's slave calls setValue for FC06 and FC16). */
final class WritableRegister implements Register {
    private final int value;
    private final int address;
    private final HoldingWrites writes;

    WritableRegister(int value, int address, HoldingWrites writes) {
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
        writes.write(address, v & 0xFFFF);
    }

    @Override
    public void setValue(short s) {
        writes.write(address, s & 0xFFFF);
    }

    @Override
    public void setValue(byte[] bytes) {
        writes.write(address, ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF));
    }
}
