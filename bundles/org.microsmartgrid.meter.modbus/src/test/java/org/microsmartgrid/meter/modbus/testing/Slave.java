package org.microsmartgrid.meter.modbus.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

/**
 * A real j2mod Modbus TCP slave on loopback, with one process image per unit id. Register values are set with the
 * encodings devices use (float32 and 32-bit integers high word first unless told otherwise). With
 * {@link #replyDelay} every read is answered that much later, like a slow RS-485 line behind a gateway.
 */
public final class Slave implements AutoCloseable {
    private final ModbusSlave slave;
    private final int port;
    private final Map<Integer, SimpleProcessImage> images = new HashMap<>();
    private volatile long replyDelayMs;

    private Slave(ModbusSlave slave, int port) {
        this.slave = slave;
        this.port = port;
    }

    public static Slave start() throws ModbusException {
        return start(false);
    }

    /** A slave speaking RTU frames over TCP, as behind a transparent serial-to-Ethernet converter. */
    public static Slave startRtuOverTcp() throws ModbusException {
        return start(true);
    }

    private static Slave start(boolean rtuOverTcp) throws ModbusException {
        ModbusException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            try {
                ModbusSlave s = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 5, rtuOverTcp);
                Slave slave = new Slave(s, port);
                s.open();
                return slave;
            } catch (ModbusException e) {
                last = e; // the port was taken in between: try another
            }
        }
        throw last;
    }

    /** A slave on a given port (a device coming back where it was). */
    public static Slave startOn(int port) throws ModbusException {
        ModbusSlave s = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 5, false);
        Slave slave = new Slave(s, port);
        s.open();
        return slave;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The process image of a unit, created empty (so any read fails with exception code 2) on first use. */
    public synchronized SimpleProcessImage unit(int unitId) {
        return images.computeIfAbsent(unitId, id -> {
            SimpleProcessImage image = new SlowImage(id);
            slave.addProcessImage(id, image);
            return image;
        });
    }

    /** Replaces a unit's image with one of its own (e.g. a hanging device). */
    public synchronized void unit(int unitId, SimpleProcessImage image) {
        images.put(unitId, image);
        slave.addProcessImage(unitId, image);
    }

    /**
     * Every read request of the default images is answered {@code ms} later: 25 ms is a read of a few registers at
     * 9600 baud, the time a real RS-485 line holds the bus per request.
     */
    public void replyDelay(long ms) {
        replyDelayMs = ms;
    }

    /** A process image that takes the line's time before it answers a read. */
    private final class SlowImage extends SimpleProcessImage {
        SlowImage(int unit) {
            super(unit);
        }

        @Override
        public InputRegister[] getInputRegisterRange(int offset, int count) {
            hold();
            return super.getInputRegisterRange(offset, count);
        }

        @Override
        public Register[] getRegisterRange(int offset, int count) {
            hold();
            return super.getRegisterRange(offset, count);
        }

        private void hold() {
            long ms = replyDelayMs;
            if (ms <= 0) return;
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void inputWord(int unitId, int address, int value) {
        SimpleProcessImage image = unit(unitId);
        synchronized (image) {
            while (image.getInputRegisterCount() <= address) image.addInputRegister(new SimpleInputRegister(0));
            image.setInputRegister(address, new SimpleInputRegister(value & 0xFFFF));
        }
    }

    public void holdingWord(int unitId, int address, int value) {
        SimpleProcessImage image = unit(unitId);
        synchronized (image) {
            while (image.getRegisterCount() <= address) image.addRegister(new SimpleRegister(0));
            image.setRegister(address, new SimpleRegister(value & 0xFFFF));
        }
    }

    /** An IEEE-754 float in two input registers, high word first (Eastron). */
    public void inputFloat(int unitId, int address, float value) {
        int bits = Float.floatToIntBits(value);
        inputWord(unitId, address, bits >>> 16);
        inputWord(unitId, address + 1, bits);
    }

    /** Makes sure input registers 0..count-1 exist (zero), so reads of that range succeed. */
    public void inputSize(int unitId, int count) {
        if (count > 0) {
            SimpleProcessImage image = unit(unitId);
            synchronized (image) {
                while (image.getInputRegisterCount() < count) image.addInputRegister(new SimpleInputRegister(0));
            }
        }
    }

    @Override
    public void close() {
        ModbusSlaveFactory.close(slave);
    }
}
