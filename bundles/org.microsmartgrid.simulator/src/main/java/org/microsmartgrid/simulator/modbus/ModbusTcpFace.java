package org.microsmartgrid.simulator.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated devices on one Modbus TCP port, served by j2mod's slave: one process image per unit id, the way a
 * Modbus TCP gateway puts several RS485 meters behind one address.
 *
 * <p>Facts about j2mod 3.2.1 this class works around: its slave factory keeps one slave per port in a static map
 * (a second "create" on the same port returns the first slave), and it silently turns port 0 into 502, so a free
 * port is picked here; its process-image map is a plain HashMap, so all units are added before the slave opens.
 */
public final class ModbusTcpFace implements AutoCloseable {
    /** j2mod serves each TCP connection on one thread of a fixed pool; connections beyond it wait their turn. */
    private static final int CONNECTION_THREADS = 32;
    private static final int FREE_PORT_ATTEMPTS = 10;

    private final ModbusSlave slave;
    private final InetAddress address;
    private final int port;
    private final Map<Integer, DeviceProcessImage> units;

    private ModbusTcpFace(ModbusSlave slave, InetAddress address, int port, Map<Integer, DeviceProcessImage> units) {
        this.slave = slave;
        this.address = address;
        this.port = port;
        this.units = units;
    }

    /**
     * Starts listening.
     *
     * @param host   address to bind, e.g. 127.0.0.1 (only this machine) or 0.0.0.0 (every interface)
     * @param port   TCP port; 0 picks a free one (see {@link #port()})
     * @param units  unit id → device
     * @throws IOException when the address cannot be bound (in use, not local, unknown host)
     */
    public static ModbusTcpFace open(String host, int port, Map<Integer, DeviceProcessImage> units) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        Map<Integer, DeviceProcessImage> copy = new TreeMap<>(units);
        if (port != 0) return new ModbusTcpFace(openSlave(address, port, copy), address, port, copy);
        IOException last = null;
        for (int attempt = 0; attempt < FREE_PORT_ATTEMPTS; attempt++) {
            int candidate = freePort(address);
            try {
                return new ModbusTcpFace(openSlave(address, candidate, copy), address, candidate, copy);
            } catch (IOException e) {
                last = e; // someone took the port between our probe and j2mod's bind: try another
            }
        }
        throw last;
    }

    private static ModbusSlave openSlave(InetAddress address, int port, Map<Integer, DeviceProcessImage> units) throws IOException {
        synchronized (ModbusSlaveFactory.class) { // the factory's own lock: no one can create this port meanwhile
            if (ModbusSlaveFactory.getSlave(ModbusSlaveType.TCP, port) != null) {
                throw new IOException("port " + port + " is already served by another j2mod slave in this JVM");
            }
            ModbusSlave slave = null;
            try {
                slave = ModbusSlaveFactory.createTCPSlave(address, port, CONNECTION_THREADS, false, 0);
                for (Map.Entry<Integer, DeviceProcessImage> u : units.entrySet()) slave.addProcessImage(u.getKey(), u.getValue());
                slave.setThreadName("msg-simulator-modbus-" + port);
                slave.open();
                return slave;
            } catch (ModbusException | RuntimeException e) {
                if (slave != null) ModbusSlaveFactory.close(slave);
                throw new IOException("cannot listen on " + address.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }

    private static int freePort(InetAddress address) throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            return probe.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public String host() {
        return address.getHostAddress();
    }

    public Map<Integer, DeviceProcessImage> units() {
        return units;
    }

    /**
     * Stops listening. Requests held by SILENT devices are released first. A master that still holds a connection
     * gets one more answer on it (j2mod answers exception 02 once the slave is gone) and then the connection closes.
     */
    @Override
    public void close() {
        units.values().forEach(DeviceProcessImage::close);
        ModbusSlaveFactory.close(slave);
    }
}
