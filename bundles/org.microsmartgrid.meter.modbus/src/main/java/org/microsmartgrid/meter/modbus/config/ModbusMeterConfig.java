package org.microsmartgrid.meter.modbus.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of one meter on a Modbus bus. */
@ObjectClassDefinition(id = ModbusMeterConfig.PID, name = "Modbus meter",
        description = "An energy meter (Eastron SDM, SunSpec device or a register map of your own) read over a Modbus bus.")
public @interface ModbusMeterConfig {
    /** The component name, service.factoryPid and metatype id (Kura needs all three equal). */
    String PID = "org.microsmartgrid.meter.modbus.ModbusMeter";

    @AttributeDefinition(name = "Meter id", description = "Unique name of this meter on the module, e.g. grid, pv, socket-1. Letters, digits, '_', '-', '.'.")
    String meter_id();

    @AttributeDefinition(name = "Bus id", description = "The bus.id of the Modbus bus this meter is wired to.")
    String bus_id() default "default";

    @AttributeDefinition(name = "Bus target", description = "Which bus service this meter binds to (an OSGi filter). "
            + "Kept equal to (bus.id=<Bus id>) by the meter itself: leave it as it is.", required = false)
    String bus_target() default "(bus.id=*)";

    @AttributeDefinition(name = "Unit id", description = "Modbus slave address of the device, 1..247.", min = "1", max = "247")
    int unit_id() default 1;

    @AttributeDefinition(name = "Profile", description = "The device's register map.",
            options = {@Option(label = "Eastron SDM630", value = "SDM630"), @Option(label = "Eastron SDM72D", value = "SDM72D"),
                    @Option(label = "Eastron SDM120", value = "SDM120"), @Option(label = "SunSpec (discovered)", value = "SUNSPEC"),
                    @Option(label = "Generic (registers below)", value = "GENERIC")})
    String profile() default "SDM630";

    @AttributeDefinition(name = "Role", required = true,
            description = "Required, no default: where the meter sits; decides the sign of the power and how the "
            + "balancer uses it: GRID import positive (the balancer protects the contract with it), PV production "
            + "positive, SOCKET and BUILDING consumption positive, BATTERY discharge positive.",
            options = {@Option(label = "Grid connection", value = "GRID"), @Option(label = "Photovoltaics", value = "PV"),
                    @Option(label = "Battery", value = "BATTERY"), @Option(label = "Socket", value = "SOCKET"),
                    @Option(label = "Building", value = "BUILDING")})
    String meter_role();

    @AttributeDefinition(name = "Socket", description = "The socket number (1..n) this meter measures; required for role SOCKET, 0 otherwise.", min = "0")
    int meter_socket() default 0;

    @AttributeDefinition(name = "Invert power", description = "Multiply power by -1 and swap import/export energy, "
            + "for a meter wired the other way round than its role expects.")
    boolean invert_power() default false;

    @AttributeDefinition(name = "Fast poll (ms)", description = "Interval of the power reading.", min = "10")
    int poll_fast_ms() default 250;

    @AttributeDefinition(name = "Slow poll (ms)", description = "Interval of energy, frequency and state of charge.", min = "10")
    int poll_slow_ms() default 10000;

    @AttributeDefinition(name = "Stale after (ms)", description = "Power values older than this make the reading STALE.", min = "1")
    int stale_after_ms() default 1000;

    @AttributeDefinition(name = "Failed after errors", description = "Consecutive failed polls before the reading is FAILED.", min = "1")
    int failed_after_errors() default 2;

    @AttributeDefinition(name = "SunSpec base address", description = "Where the SunSpec marker \"SunS\" is (SUNSPEC); 0, 40000 and 50000 are also tried.",
            min = "0", max = "65535")
    int sunspec_base_address() default 40000;

    @AttributeDefinition(name = "Registers", description = "GENERIC register map, one entry per channel: "
            + "CHANNEL;ADDRESS;TABLE;TYPE[;WORD_ORDER[;SCALE]], e.g. ACTIVE_POWER;0x000C;INPUT;FLOAT32;BIG_ENDIAN;1.0", required = false)
    String[] registers() default {};
}
