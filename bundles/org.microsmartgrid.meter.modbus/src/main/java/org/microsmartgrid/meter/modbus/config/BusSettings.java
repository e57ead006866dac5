package org.microsmartgrid.meter.modbus.config;

import java.util.Objects;

/**
 * A bus's validated configuration.
 *
 * @param busId         unique name, the value of the internal service's bus.id property
 * @param transport     TCP, RTU or RTU over TCP
 * @param host          TCP host (TCP transports)
 * @param port          TCP port (TCP transports)
 * @param serialPort    serial device (RTU)
 * @param baud          serial speed (RTU)
 * @param parity        serial parity (RTU)
 * @param dataBits      7 or 8 (RTU)
 * @param stopBits      1 or 2 (RTU)
 * @param timeoutMs     reply timeout per request
 * @param retries       immediate retries per request (0 = one attempt)
 * @param backoffMaxMs  cap of a failing meter's retry interval
 */
public record BusSettings(String busId, Transport transport, String host, int port, String serialPort, int baud,
                          Parity parity, int dataBits, int stopBits, int timeoutMs, int retries, long backoffMaxMs) {

    /** Validates a configuration; the exception lists every bad property. */
    public static BusSettings from(ModbusBusConfig c) {
        Problems p = new Problems();
        p.id("bus.id", c.bus_id());
        Transport transport = p.choice("transport", c.transport(), Transport::parse);
        Parity parity = p.choice("parity", c.parity(), Parity::parse);
        String host = c.host() == null ? "" : c.host().trim();
        String serial = c.serial_port() == null ? "" : c.serial_port().trim();
        if (transport != null && transport.overTcp()) {
            if (host.isEmpty()) p.add("host is required for transport " + transport);
            p.range("port", c.port(), 1, 65535);
        }
        if (transport == Transport.RTU) {
            if (serial.isEmpty()) p.add("serial.port is required for transport RTU");
            p.range("baud", c.baud(), 300, 4_000_000);
            p.range("data.bits", c.data_bits(), 7, 8);
            p.range("stop.bits", c.stop_bits(), 1, 2);
        }
        p.range("timeout.ms", c.timeout_ms(), 10, 60_000);
        p.range("retries", c.retries(), 0, 5);
        p.atLeast("backoff.max.ms", c.backoff_max_ms(), 0);
        p.throwIfAny();
        return new BusSettings(c.bus_id(), transport, host, c.port(), serial, c.baud(), parity, c.data_bits(),
                c.stop_bits(), c.timeout_ms(), c.retries(), c.backoff_max_ms());
    }

    /** Same connection (so a change of only timeouts and back-off can be applied without reconnecting). */
    public boolean sameConnection(BusSettings o) {
        return transport == o.transport && Objects.equals(host, o.host) && port == o.port
                && Objects.equals(serialPort, o.serialPort) && baud == o.baud && parity == o.parity
                && dataBits == o.dataBits && stopBits == o.stopBits;
    }

    /** For logs: "rs485 (RTU /dev/ttyUSB0 9600 8N1)" or "gw (TCP 192.168.1.20:502)". */
    public String describe() {
        return busId + " (" + switch (transport) {
            case TCP, RTU_OVER_TCP -> transport + " " + host + ":" + port;
            case RTU -> "RTU " + serialPort + " " + baud + " " + dataBits + parity.name().charAt(0) + stopBits;
        } + ")";
    }
}
