package org.microsmartgrid.meter.modbus.registers;

import org.microsmartgrid.api.meter.Channel;

/**
 * One entry of a register map: where a channel's value lives and how to read it.
 *
 * @param channel the measurement
 * @param address first register
 * @param table   input (FC04) or holding (FC03) registers
 * @param type    number format
 * @param order   word order of 32-bit values
 * @param scale   multiplier from the device's unit to the channel's unit (kWh to Wh: 1000)
 * @param fast    read by the fast poll (power) rather than the slow one (energy, frequency)
 */
public record RegisterPoint(Channel channel, int address, Table table, RegisterType type, WordOrder order,
                            double scale, boolean fast) {

    public RegisterPoint {
        if (address < 0 || address + type.words() - 1 > Registers.MAX_ADDRESS)
            throw new IllegalArgumentException("address " + address + " of " + channel + " is out of 0..65535");
        if (!Double.isFinite(scale) || scale == 0)
            throw new IllegalArgumentException("scale of " + channel + " must be a finite non-zero number");
    }

    /** A float32 big-endian input register polled at the channel's natural speed (the Eastron format). */
    public static RegisterPoint eastron(Channel channel, int address, double scale) {
        return new RegisterPoint(channel, address, Table.INPUT, RegisterType.FLOAT32, WordOrder.BIG_ENDIAN, scale,
                channel.isFast());
    }

    public Span span() {
        return new Span(table, address, type.words());
    }

    public String describe() {
        return table.describe(address);
    }
}
