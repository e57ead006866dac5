package org.microsmartgrid.meter.modbus.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of one Modbus bus (one serial line or one TCP endpoint), shared by the meters on it. */
@ObjectClassDefinition(id = ModbusBusConfig.PID, name = "Modbus bus",
        description = "A Modbus line (RS-485 serial port or TCP endpoint) polled by one thread; meters name it by its bus id.")
public @interface ModbusBusConfig {
    /** The component name, service.factoryPid and metatype id (Kura needs all three equal). */
    String PID = "org.microsmartgrid.meter.modbus.ModbusBus";

    @AttributeDefinition(name = "Bus id", description = "Unique name of this bus; meters refer to it with bus.id. Letters, digits, '_', '-', '.'.")
    String bus_id() default "default";

    @AttributeDefinition(name = "Transport", description = "TCP, RTU (local serial port) or RTU_OVER_TCP (serial-to-Ethernet converter).",
            options = {@Option(label = "Modbus TCP", value = "TCP"), @Option(label = "Modbus RTU (serial)", value = "RTU"),
                    @Option(label = "RTU over TCP", value = "RTU_OVER_TCP")})
    String transport() default "RTU";

    @AttributeDefinition(name = "Host", description = "Host name or IP address (TCP and RTU_OVER_TCP).", required = false)
    String host() default "";

    @AttributeDefinition(name = "Port", description = "TCP port (TCP and RTU_OVER_TCP).", min = "1", max = "65535")
    int port() default 502;

    @AttributeDefinition(name = "Serial port", description = "Serial device (RTU), e.g. /dev/ttyUSB0 or /dev/ttyAMA0.")
    String serial_port() default "/dev/ttyUSB0";

    @AttributeDefinition(name = "Baud rate", description = "Serial speed (RTU). Eastron meters default to 9600.",
            options = {@Option(label = "1200", value = "1200"), @Option(label = "2400", value = "2400"), @Option(label = "4800", value = "4800"),
                    @Option(label = "9600", value = "9600"), @Option(label = "19200", value = "19200"), @Option(label = "38400", value = "38400"),
                    @Option(label = "57600", value = "57600"), @Option(label = "115200", value = "115200")})
    int baud() default 9600;

    @AttributeDefinition(name = "Parity", description = "Serial parity (RTU).",
            options = {@Option(label = "None", value = "NONE"), @Option(label = "Even", value = "EVEN"), @Option(label = "Odd", value = "ODD")})
    String parity() default "NONE";

    @AttributeDefinition(name = "Data bits", description = "Serial data bits (RTU): 7 or 8.", min = "7", max = "8")
    int data_bits() default 8;

    @AttributeDefinition(name = "Stop bits", description = "Serial stop bits (RTU): 1 or 2.", min = "1", max = "2")
    int stop_bits() default 1;

    @AttributeDefinition(name = "Timeout (ms)", description = "How long to wait for a reply before the request counts "
            + "as failed. A meter answers in milliseconds over TCP and in tens of milliseconds on RS-485 at 9600 baud; "
            + "a short timeout keeps one lost reply from making the grid reading look stale to the balancer.",
            min = "10", max = "60000")
    int timeout_ms() default 300;

    @AttributeDefinition(name = "Retries", description = "Immediate retries of a failed request inside one poll (0 = none). "
            + "Each retry holds the bus for another timeout; the poll schedule retries anyway.", min = "0", max = "5")
    int retries() default 0;

    @AttributeDefinition(name = "Maximum back-off (ms)", description = "A failing meter is retried at growing intervals up to this, "
            + "so it does not steal bus time from healthy meters.", min = "0")
    int backoff_max_ms() default 10000;
}
