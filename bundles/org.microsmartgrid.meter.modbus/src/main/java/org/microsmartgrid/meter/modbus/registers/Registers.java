package org.microsmartgrid.meter.modbus.registers;

/** Small helpers shared by the register code. */
public final class Registers {
    /** The largest register address Modbus can name. */
    public static final int MAX_ADDRESS = 0xFFFF;
    /** The most registers one read request may ask for (Modbus application protocol, FC03/FC04). */
    public static final int MAX_PER_REQUEST = 125;

    private Registers() {
    }

    public static String hex(int address) {
        return String.format("0x%04X", address);
    }
}
