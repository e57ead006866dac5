package org.microsmartgrid.meter.modbus.bus;

import org.microsmartgrid.meter.modbus.config.BusSettings;
import org.microsmartgrid.meter.modbus.config.Transport;
import org.microsmartgrid.meter.modbus.registers.Registers;
import org.microsmartgrid.meter.modbus.registers.Table;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.AbstractModbusMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

/**
 * j2mod behind {@link RegisterReader}: connects lazily, reconnects after a TCP connection was lost or a reply was
 * unusable (leftover bytes would poison the next reply), and turns every kind of failure into a {@link ReadFailure}
 * whose message says what happened and to which request.
 */
public final class ModbusClient implements RegisterClient {
    private static final java.util.regex.Pattern WRAPPER =
            java.util.regex.Pattern.compile("^Executing transaction .*? failed \\(tried \\d+ times\\)\\s*");
    private BusSettings settings;
    private AbstractModbusMaster master;

    public ModbusClient(BusSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure(BusSettings next) {
        if (next.equals(settings)) return;
        settings = next;
        // new timeout or retries: the next request builds a master with them (changes are rare, reconnecting is cheap)
        close();
    }

    @Override
    public int[] read(int unitId, Table table, int address, int count) throws ReadFailure {
        String what = count + " " + table.name().toLowerCase() + " register(s) at " + Registers.hex(address)
                + " of unit " + unitId;
        connect();
        InputRegister[] registers;
        try {
            registers = table == Table.INPUT
                    ? master.readInputRegisters(unitId, address, count)
                    : master.readMultipleRegisters(unitId, address, count);
        } catch (ModbusSlaveException e) {
            throw new ReadFailure("device answered Modbus exception code " + e.getType() + " ("
                    + ModbusSlaveException.getMessage(e.getType()) + ") to a read of " + what);
        } catch (ModbusException e) {
            resync();
            throw new ReadFailure(describe(e) + " reading " + what);
        } catch (RuntimeException e) {
            // j2mod parses whatever arrives; a reply of the wrong kind surfaces as a ClassCastException and the like
            resync();
            throw new ReadFailure("garbled reply reading " + what + ": " + e);
        }
        if (registers == null || registers.length != count) {
            resync();
            throw new ReadFailure("short reply reading " + what + ": got "
                    + (registers == null ? 0 : registers.length) + " register(s)");
        }
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            if (registers[i] == null) {
                resync();
                throw new ReadFailure("garbled reply reading " + what + ": register " + i + " missing");
            }
            words[i] = registers[i].getValue() & 0xFFFF;
        }
        return words;
    }

    @Override
    public void writeHolding(int unitId, int address, int[] words) throws ReadFailure {
        String what = words.length + " holding register(s) at " + Registers.hex(address) + " of unit " + unitId;
        connect();
        Register[] registers = new Register[words.length];
        for (int i = 0; i < words.length; i++) registers[i] = new SimpleRegister(words[i] & 0xFFFF);
        int written;
        try {
            written = master.writeMultipleRegisters(unitId, address, registers);
        } catch (ModbusSlaveException e) {
            throw new ReadFailure("device answered Modbus exception code " + e.getType() + " ("
                    + ModbusSlaveException.getMessage(e.getType()) + ") to a write of " + what);
        } catch (ModbusException e) {
            resync();
            throw new ReadFailure(describe(e) + " writing " + what);
        } catch (RuntimeException e) {
            resync();
            throw new ReadFailure("garbled reply writing " + what + ": " + e);
        }
        if (written != words.length) {
            resync();
            throw new ReadFailure("device confirmed " + written + " register(s) writing " + what);
        }
    }

    private void connect() throws ReadFailure {
        try {
            if (master == null) master = Masters.create(settings);
            if (!master.isConnected()) {
                master.connect();
                // j2mod creates a new transaction on connect, with its own default of 5 attempts: set ours again
                master.setRetries(attempts());
                master.setCheckingValidity(true);
            }
        } catch (Exception | LinkageError e) {
            // LinkageError: jSerialComm could not load its native library for this platform
            close();
            throw new ReadFailure("cannot connect to " + endpoint() + ": " + message(e));
        }
    }

    /** j2mod counts attempts, not retries, and treats 0 as "its default of 5". */
    private int attempts() {
        return settings.retries() + 1;
    }

    /** Drops a TCP connection after a bad reply; the next request connects afresh. A serial port stays open. */
    private void resync() {
        if (settings.transport() != Transport.RTU && master != null) master.disconnect();
    }

    private static String describe(ModbusException e) {
        // j2mod wraps the cause in "Executing transaction <hex dump> failed (tried n times) <cause>"
        String m = WRAPPER.matcher(message(e)).replaceFirst("");
        if (m.contains("timeout") || m.contains("Timeout")) return "timeout (" + m + ")";
        if (m.contains("Premature end") || m.contains("truncated")) return "connection closed by the device (" + m + ")";
        return "no valid reply (" + m + ")";
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private String endpoint() {
        return settings.transport() == Transport.RTU ? settings.serialPort() : settings.host() + ":" + settings.port();
    }

    @Override
    public void close() {
        if (master != null) {
            try {
                master.disconnect();
            } catch (RuntimeException e) {
                // closing a broken connection: nothing more to do
            }
            master = null;
        }
    }
}
