package org.microsmartgrid.simulator.server;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.util.ModbusUtil;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.microsmartgrid.testing.Waits;

/** j2mod masters and decoding, as a client of the simulator would use them. */
final class Masters {
    private Masters() {
    }

    static ModbusTCPMaster connect(int port, int timeoutMs) throws Exception {
        ModbusTCPMaster m = new ModbusTCPMaster("127.0.0.1", port, timeoutMs, false);
        m.connect();
        m.setRetries(1); // after connect: j2mod applies it to the transaction that connect creates
        return m;
    }

    /** The float at {@code address} of the input registers of {@code unit}. */
    static float readFloat(ModbusTCPMaster m, int unit, int address) throws Exception {
        return toFloat(m.readInputRegisters(unit, address, 2), 0);
    }

    static float toFloat(InputRegister[] regs, int index) {
        byte[] b = new byte[4];
        System.arraycopy(regs[index].toBytes(), 0, b, 0, 2);
        System.arraycopy(regs[index + 1].toBytes(), 0, b, 2, 2);
        return ModbusUtil.registersToFloat(b);
    }

    /** Polls until the condition holds (a bound against hanging, not a speed check). */
    static void await(String what, BooleanSupplier condition) {
        Waits.until(what, condition::getAsBoolean);
    }
}
