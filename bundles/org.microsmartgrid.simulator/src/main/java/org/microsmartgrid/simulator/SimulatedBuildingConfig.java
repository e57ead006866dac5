package org.microsmartgrid.simulator;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** What an installer (or a developer on a laptop) can set; names are the configuration properties. */
@ObjectClassDefinition(id = SimulatedBuilding.PID, name = "Simulated building",
        description = "A simulated building (PV, building load, light-vehicle chargers on the sockets, the grid connection) "
                + "whose meters answer over Modbus TCP like real ones: an Eastron SDM630 at the grid connection, a SunSpec "
                + "PV inverter and an Eastron SDM120 per socket. For demos and tests only: never on a real installation.")
public @interface SimulatedBuildingConfig {

    @AttributeDefinition(name = "Bind address",
            description = "Address the Modbus TCP server listens on. 127.0.0.1 keeps it private to this machine; 0.0.0.0 opens it to the network.")
    String bind_host() default "127.0.0.1";

    @AttributeDefinition(name = "Port", min = "0", max = "65535",
            description = "Modbus TCP port for all simulated devices (one unit id each). 0 picks a free port (logged at start).")
    int port() default 5020;

    @AttributeDefinition(name = "Seed", description = "Seed of every random process: the same seed gives the same clouds, loads and noise.")
    long seed() default 42;

    @AttributeDefinition(name = "Time speed", min = "0.001", max = "100000",
            description = "Simulated seconds per real second: 60 makes an hour pass in a minute.")
    double time_speed() default 1.0;

    @AttributeDefinition(name = "Start time", required = false,
            description = "Simulated time at start: an ISO instant (2025-06-21T10:00:00Z) or a Milan local time (2025-06-21T12:00). Empty = now.")
    String start_time() default "";

    @AttributeDefinition(name = "Refresh period (ms)", min = "10", max = "10000",
            description = "How often the model is stepped and the registers refreshed.")
    int refresh_ms() default 100;

    @AttributeDefinition(name = "PV peak power (W)", min = "0", max = "30000",
            description = "PV power under full sun (1000 W/m²). 0 = no PV production.")
    double pv_peak_w() default 3000;

    @AttributeDefinition(name = "Cloudiness", min = "0", max = "1",
            description = "Share of time the sun is behind a passing cloud: 0 = clear sky, 1 = overcast.")
    double cloudiness() default 0.3;

    @AttributeDefinition(name = "PV phase", description = "A three-phase inverter (SunSpec model 103) or a single-phase one (model 101) on L1, L2 or L3.",
            options = {@Option(label = "Three-phase", value = "THREE_PHASE"), @Option(label = "L1", value = "L1"),
                    @Option(label = "L2", value = "L2"), @Option(label = "L3", value = "L3")})
    String pv_phase() default "THREE_PHASE";

    @AttributeDefinition(name = "Building base load (W)", min = "0", max = "100000",
            description = "The building's load that never stops (fridges, standby, common lighting).")
    double building_base_w() default 400;

    @AttributeDefinition(name = "Building peak load (W)", min = "0", max = "100000",
            description = "The building's evening peak on top of the base load (morning and weekend peaks are smaller).")
    double building_peak_w() default 2500;

    @AttributeDefinition(name = "Building phase", description = "How the building's own load is spread over the phases.",
            options = {@Option(label = "Three-phase", value = "THREE_PHASE"), @Option(label = "L1", value = "L1"),
                    @Option(label = "L2", value = "L2"), @Option(label = "L3", value = "L3")})
    String building_phase() default "THREE_PHASE";

    @AttributeDefinition(name = "Extra load (W)", min = "0", max = "100000",
            description = "A constant extra building load, e.g. to make the balancer shed sockets in a demo.")
    double load_extra_w() default 0;

    @AttributeDefinition(name = "Sockets",
            description = "One entry per socket: N=CLASS:SOC[@PHASE], e.g. 1=EBIKE:30 (an e-bike at 30% plugged into socket 1) "
                    + "or 2= (nothing plugged). CLASS one of EBIKE, SCOOTER, WHEELCHAIR, MOPED, CAR; PHASE L1, L2 or L3 "
                    + "(default L1, L2, L3 in turn). Changing a vehicle or its charge plugs it in anew.")
    String[] sockets() default {"1=EBIKE:30", "2=SCOOTER:50", "3=WHEELCHAIR:20", "4=CAR:60"};

    @AttributeDefinition(name = "Grid meter unit id", min = "1", max = "247", description = "Modbus unit id of the grid SDM630.")
    int grid_unit_id() default 1;

    @AttributeDefinition(name = "PV inverter unit id", min = "1", max = "247", description = "Modbus unit id of the SunSpec inverter.")
    int pv_unit_id() default 2;

    @AttributeDefinition(name = "Socket meter unit id base", min = "0", max = "246",
            description = "Socket n's SDM120 answers to this base + n (10 → socket 1 is unit 11).")
    int socket_unit_id_base() default 10;

    @AttributeDefinition(name = "Faults", required = false,
            description = "Devices that misbehave, for tests: DEVICE=FAULT with DEVICE grid, pv or socket.N and FAULT one of "
                    + "SILENT (no answer), EXCEPTION (Modbus exception 02), NAN (nonsense values), FROZEN (values stop changing), NONE.")
    String[] faults() default {};

    @AttributeDefinition(name = "Battery capacity (Wh)", min = "0", max = "1000000",
            description = "Capacità utile della batteria domestica; 0 = nessuna batteria. / The home battery's usable energy; "
                    + "0 = no battery. It answers as a SunSpec device (inverter 103 + storage 124) whose controls can be written.")
    double battery_capacity_wh() default 0;

    @AttributeDefinition(name = "Battery max charge (W)", min = "1", max = "30000",
            description = "Potenza massima di carica (anche WChaMax). / Largest charge power (also its WChaMax).")
    double battery_max_charge_w() default 2500;

    @AttributeDefinition(name = "Battery max discharge (W)", min = "1", max = "30000",
            description = "Potenza massima di scarica. / Largest discharge power.")
    double battery_max_discharge_w() default 2500;

    @AttributeDefinition(name = "Battery state of charge (%)", min = "0", max = "100",
            description = "Stato di carica all'avvio. / State of charge at start.")
    double battery_soc() default 50;

    @AttributeDefinition(name = "Battery reserve (%)", min = "0", max = "100",
            description = "In automatico non scarica sotto questa soglia. / In its automatic mode it never discharges below this.")
    double battery_reserve() default 10;

    @AttributeDefinition(name = "Battery unit id", min = "1", max = "247", description = "Unit id Modbus della batteria. / Modbus unit id of the battery.")
    int battery_unit_id() default 3;

    @AttributeDefinition(name = "Line delay (ms)", min = "0", max = "1000",
            description = "Ogni richiesta occupa la linea RS-485 simulata per questo tempo (25: 9600 baud); 0 risponde "
                    + "subito. / Each request holds the simulated RS-485 line this long (25: 9600 baud); 0 answers at once.")
    int line_delay_ms() default 0;

    @AttributeDefinition(name = "Stop the module when the port is taken",
            description = "Per le demo: se la porta Modbus è occupata (un'altra demo?) il modulo intero si ferma, invece "
                    + "di leggere i contatori simulati di un altro. / For demos: when the Modbus port is taken (another "
                    + "demo?) the whole module stops instead of reading someone else's simulated meters.")
    boolean stop_module_on_bind_failure() default false;
}
