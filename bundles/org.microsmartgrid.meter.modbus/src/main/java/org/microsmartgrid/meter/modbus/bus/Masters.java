package org.microsmartgrid.meter.modbus.bus;

import org.microsmartgrid.meter.modbus.config.BusSettings;

import com.ghgande.j2mod.modbus.facade.AbstractModbusMaster;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.util.SerialParameters;

/** Builds the j2mod master for a bus's transport. */
final class Masters {
    private Masters() {
    }

    static AbstractModbusMaster create(BusSettings s) {
        AbstractModbusMaster master = switch (s.transport()) {
            // reconnect=false: keep one connection for all meters behind the endpoint
            case TCP -> new ModbusTCPMaster(s.host(), s.port(), s.timeoutMs(), false, false);
            case RTU_OVER_TCP -> new ModbusTCPMaster(s.host(), s.port(), s.timeoutMs(), false, true);
            case RTU -> new ModbusSerialMaster(serial(s), s.timeoutMs());
        };
        master.setTimeout(s.timeoutMs());
        return master;
    }

    private static SerialParameters serial(BusSettings s) {
        SerialParameters p = new SerialParameters();
        p.setPortName(s.serialPort());
        p.setBaudRate(s.baud());
        p.setDatabits(s.dataBits());
        p.setStopbits(Integer.toString(s.stopBits()));
        p.setParity(s.parity().name().toLowerCase());
        p.setEncoding("rtu");
        return p;
    }
}
