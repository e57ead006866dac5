package org.microsmartgrid.simulator.server;

import org.microsmartgrid.simulator.modbus.DeviceFault;
import org.microsmartgrid.simulator.model.BatterySetup;
import org.microsmartgrid.simulator.model.PhaseConnection;
import org.microsmartgrid.simulator.model.SiteParameters;
import org.microsmartgrid.simulator.model.SocketSetup;
import org.microsmartgrid.simulator.model.VehicleClass;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects settings by their configuration names and validates them in {@link #build()}. Text formats (sockets,
 * faults, phases, start time) are parsed here, so the OSGi component, the command line and tests share one parser.
 * Every error is an {@link IllegalArgumentException} whose message starts with the property name.
 */
public final class SettingsBuilder {
    public static final String[] DEFAULT_SOCKETS = {"1=EBIKE:30", "2=SCOOTER:50", "3=WHEELCHAIR:20", "4=CAR:60"};
    private static final int MAX_SOCKETS = 64;

    private String bindHost = "127.0.0.1";
    private int port = 5020;
    private long seed = 42;
    private double timeSpeed = 1.0;
    private String startTime = "";
    private long refreshMs = 100;
    private double pvPeakW = 3000;
    private double cloudiness = 0.3;
    private String pvPhase = "THREE_PHASE";
    private double buildingBaseW = 400;
    private double buildingPeakW = 2500;
    private String buildingPhase = "THREE_PHASE";
    private double extraLoadW = 0;
    private String[] sockets = DEFAULT_SOCKETS.clone();
    private int gridUnitId = 1;
    private int pvUnitId = 2;
    private int socketUnitBase = 10;
    private String[] faults = {};
    private double batteryCapacityWh = 0;
    private double batteryMaxChargeW = 2500;
    private double batteryMaxDischargeW = 2500;
    private double batterySoc = 50;
    private double batteryReserve = 10;
    private int batteryUnitId = 3;
    private long lineDelayMs;

    SettingsBuilder() {
    }

    /** {@code bind.host}: the address to listen on; 127.0.0.1 keeps the simulator private to this machine. */
    public SettingsBuilder bindHost(String v) { bindHost = v; return this; }

    /** {@code port}: Modbus TCP port; 0 picks a free port. */
    public SettingsBuilder port(int v) { port = v; return this; }

    /** {@code seed}: the same seed gives the same weather, loads and noise. */
    public SettingsBuilder seed(long v) { seed = v; return this; }

    /** {@code time.speed}: simulated seconds per real second. */
    public SettingsBuilder timeSpeed(double v) { timeSpeed = v; return this; }

    /** {@code start.time}: ISO instant (2025-06-21T10:00:00Z) or Milan local time (2025-06-21T12:00); empty = now. */
    public SettingsBuilder startTime(String v) { startTime = v == null ? "" : v; return this; }

    public SettingsBuilder startTime(Instant v) { startTime = v == null ? "" : v.toString(); return this; }

    /** {@code refresh.ms}: how often the registers are refreshed from the model. */
    public SettingsBuilder refreshMs(long v) { refreshMs = v; return this; }

    /** {@code pv.peak.w} */
    public SettingsBuilder pvPeakW(double v) { pvPeakW = v; return this; }

    /** {@code cloudiness}: 0 = clear sky, 1 = always behind clouds. */
    public SettingsBuilder cloudiness(double v) { cloudiness = v; return this; }

    /** {@code pv.phase}: THREE_PHASE, or L1/L2/L3 for a single-phase inverter. */
    public SettingsBuilder pvPhase(String v) { pvPhase = v; return this; }

    /** {@code building.base.w} */
    public SettingsBuilder buildingBaseW(double v) { buildingBaseW = v; return this; }

    /** {@code building.peak.w} */
    public SettingsBuilder buildingPeakW(double v) { buildingPeakW = v; return this; }

    /** {@code building.phase}: THREE_PHASE or L1/L2/L3. */
    public SettingsBuilder buildingPhase(String v) { buildingPhase = v; return this; }

    /** {@code load.extra.w}: constant extra building load, e.g. to force shedding. */
    public SettingsBuilder extraLoadW(double v) { extraLoadW = v; return this; }

    /** {@code sockets}: entries {@code N=CLASS:SOC[@PHASE]}, {@code N=} (empty socket) or {@code N=@PHASE}. */
    public SettingsBuilder sockets(String... v) { sockets = v == null ? new String[0] : v.clone(); return this; }

    /** {@code grid.unit.id} */
    public SettingsBuilder gridUnitId(int v) { gridUnitId = v; return this; }

    /** {@code pv.unit.id} */
    public SettingsBuilder pvUnitId(int v) { pvUnitId = v; return this; }

    /** {@code socket.unit.id.base}: socket n answers to unit id base + n. */
    public SettingsBuilder socketUnitBase(int v) { socketUnitBase = v; return this; }

    /** {@code faults}: entries {@code DEVICE=FAULT}, DEVICE one of grid, pv, socket.N; FAULT a {@link DeviceFault}. */
    public SettingsBuilder faults(String... v) { faults = v == null ? new String[0] : v.clone(); return this; }

    /** {@code battery.capacity.wh}: the home battery's usable energy; 0 = no battery. */
    public SettingsBuilder batteryCapacityWh(double v) { batteryCapacityWh = v; return this; }

    /** {@code battery.max.charge.w}: also its SunSpec WChaMax. */
    public SettingsBuilder batteryMaxChargeW(double v) { batteryMaxChargeW = v; return this; }

    /** {@code battery.max.discharge.w} */
    public SettingsBuilder batteryMaxDischargeW(double v) { batteryMaxDischargeW = v; return this; }

    /** {@code battery.soc}: state of charge at start, %. */
    public SettingsBuilder batterySoc(double v) { batterySoc = v; return this; }

    /** {@code battery.reserve}: its automatic mode never discharges below this state of charge, %. */
    public SettingsBuilder batteryReserve(double v) { batteryReserve = v; return this; }

    /** {@code battery.unit.id} */
    public SettingsBuilder batteryUnitId(int v) { batteryUnitId = v; return this; }

    /** {@code line.delay.ms}: each request holds the simulated RS-485 line this long (25: 9600 baud); 0 answers at once. */
    public SettingsBuilder lineDelayMs(long v) { lineDelayMs = v; return this; }

    public SimulatorSettings build() {
        if (bindHost == null || bindHost.isBlank()) throw error("bind.host", "must not be empty");
        requireRange("port", port, 0, 65535);
        requireRange("time.speed", timeSpeed, 0.001, 100_000);
        requireRange("refresh.ms", refreshMs, 10, 10_000);
        requireRange("pv.peak.w", pvPeakW, 0, 30_000);
        requireRange("cloudiness", cloudiness, 0, 1);
        requireRange("building.base.w", buildingBaseW, 0, 100_000);
        requireRange("building.peak.w", buildingPeakW, 0, 100_000);
        requireRange("load.extra.w", extraLoadW, 0, 100_000);
        requireRange("grid.unit.id", gridUnitId, 1, 247);
        requireRange("pv.unit.id", pvUnitId, 1, 247);
        requireRange("socket.unit.id.base", socketUnitBase, 0, 246);
        requireRange("line.delay.ms", lineDelayMs, 0, 1_000);
        SiteParameters site = new SiteParameters(seed, SimulatorSettings.location(), pvPeakW, cloudiness,
                phase("pv.phase", pvPhase), buildingBaseW, buildingPeakW, phase("building.phase", buildingPhase), extraLoadW);
        List<SocketSetup> socketList = parseSockets();
        requireRange("battery.capacity.wh", batteryCapacityWh, 0, 1_000_000);
        BatterySetup battery = null;
        if (batteryCapacityWh > 0) {
            requireRange("battery.max.charge.w", batteryMaxChargeW, 1, 30_000);
            requireRange("battery.max.discharge.w", batteryMaxDischargeW, 1, 30_000);
            requireRange("battery.soc", batterySoc, 0, 100);
            requireRange("battery.reserve", batteryReserve, 0, 100);
            requireRange("battery.unit.id", batteryUnitId, 1, 247);
            battery = new BatterySetup(batteryCapacityWh, batteryMaxChargeW, batteryMaxDischargeW, batterySoc, batteryReserve);
        }
        checkUnitIds(socketList, battery != null);
        return new SimulatorSettings(bindHost.trim(), port, seed, timeSpeed, parseStartTime(), Duration.ofMillis(refreshMs),
                site, socketList, gridUnitId, pvUnitId, socketUnitBase, parseFaults(socketList, battery != null),
                battery, batteryUnitId, Duration.ofMillis(lineDelayMs));
    }

    private Instant parseStartTime() {
        String t = startTime.trim();
        if (t.isEmpty()) return null;
        try {
            return Instant.parse(t);
        } catch (DateTimeException notAnInstant) {
            try {
                return LocalDateTime.parse(t).atZone(SimulatorSettings.location().zone()).toInstant();
            } catch (DateTimeException e) {
                throw error("start.time", "'" + t + "' is neither an ISO instant (2025-06-21T10:00:00Z) nor a local date-time (2025-06-21T12:00)");
            }
        }
    }

    private List<SocketSetup> parseSockets() {
        if (sockets.length > MAX_SOCKETS) throw error("sockets", "at most " + MAX_SOCKETS + " sockets, got " + sockets.length);
        Map<Integer, SocketSetup> byNumber = new TreeMap<>();
        for (String entry : sockets) {
            if (entry == null || entry.isBlank()) continue;
            SocketSetup s = parseSocket(entry.trim());
            if (byNumber.put(s.socket(), s) != null) throw error("sockets", "socket " + s.socket() + " is listed twice");
        }
        return new ArrayList<>(byNumber.values());
    }

    /** {@code N=CLASS:SOC[@PHASE]}, {@code N=[@PHASE]}. */
    static SocketSetup parseSocket(String entry) {
        String format = " (expected N=CLASS:SOC[@L1|L2|L3], e.g. 1=EBIKE:30, or N= for an empty socket)";
        int eq = entry.indexOf('=');
        if (eq < 0) throw error("sockets", "'" + entry + "' has no '='" + format);
        int number;
        try {
            number = Integer.parseInt(entry.substring(0, eq).trim());
        } catch (NumberFormatException e) {
            throw error("sockets", "'" + entry + "': the socket number is not a number" + format);
        }
        if (number < 1 || number > 236) throw error("sockets", "'" + entry + "': socket numbers go from 1 to 236");
        String rest = entry.substring(eq + 1).trim();
        PhaseConnection phase = SocketSetup.defaultPhase(number);
        int at = rest.indexOf('@');
        if (at >= 0) {
            phase = phase("sockets", rest.substring(at + 1));
            if (!phase.singlePhase()) throw error("sockets", "'" + entry + "': a socket is on one phase, L1, L2 or L3");
            rest = rest.substring(0, at).trim();
        }
        if (rest.isEmpty()) return new SocketSetup(number, phase, null, 0);
        int colon = rest.indexOf(':');
        if (colon < 0) throw error("sockets", "'" + entry + "': give the state of charge after the vehicle class" + format);
        VehicleClass vehicle = vehicleClass(entry, rest.substring(0, colon));
        double soc;
        try {
            soc = Double.parseDouble(rest.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            throw error("sockets", "'" + entry + "': the state of charge is not a number" + format);
        }
        if (!(soc >= 0 && soc <= 100)) throw error("sockets", "'" + entry + "': the state of charge must be within 0..100 %");
        return new SocketSetup(number, phase, vehicle, soc);
    }

    static VehicleClass vehicleClass(String context, String name) {
        try {
            return VehicleClass.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error("sockets", "'" + context + "': unknown vehicle class '" + name.trim()
                    + "' (expected one of " + List.of(VehicleClass.values()) + ")");
        }
    }

    /** Every device needs its own unit id within Modbus' 1..247. */
    private void checkUnitIds(List<SocketSetup> socketList, boolean withBattery) {
        Map<Integer, String> owners = new HashMap<>();
        claim(owners, gridUnitId, "grid meter", "grid.unit.id");
        claim(owners, pvUnitId, "PV inverter", "pv.unit.id");
        if (withBattery) claim(owners, batteryUnitId, "battery", "battery.unit.id");
        for (SocketSetup s : socketList) {
            int unit = socketUnitBase + s.socket();
            if (unit > 247) throw error("socket.unit.id.base", "socket " + s.socket() + " would answer to unit id " + unit + ", above 247");
            claim(owners, unit, "socket " + s.socket() + " meter", "socket.unit.id.base");
        }
    }

    private static void claim(Map<Integer, String> owners, int unit, String who, String property) {
        String previous = owners.putIfAbsent(unit, who);
        if (previous != null) throw error(property, "unit id " + unit + " is used by both the " + previous + " and the " + who);
    }

    private Map<Integer, DeviceFault> parseFaults(List<SocketSetup> socketList, boolean withBattery) {
        Map<Integer, DeviceFault> result = new TreeMap<>();
        for (String entry : faults) {
            if (entry == null || entry.isBlank()) continue;
            int eq = entry.indexOf('=');
            if (eq < 0) throw error("faults", "'" + entry + "' has no '=' (expected grid=SILENT, pv=NAN, socket.2=EXCEPTION …)");
            String device = entry.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            int unit = switch (device) {
                case "grid" -> gridUnitId;
                case "pv" -> pvUnitId;
                case "battery" -> {
                    if (!withBattery) throw error("faults", "'" + entry + "': the building has no battery (battery.capacity.wh = 0)");
                    yield batteryUnitId;
                }
                default -> socketUnit(entry, device, socketList);
            };
            DeviceFault fault;
            try {
                fault = DeviceFault.parse(entry.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw error("faults", "'" + entry + "': " + e.getMessage());
            }
            if (result.put(unit, fault) != null) throw error("faults", "'" + entry + "': that device is listed twice");
        }
        result.values().removeIf(f -> f == DeviceFault.NONE);
        return result;
    }

    private int socketUnit(String entry, String device, List<SocketSetup> socketList) {
        if (device.startsWith("socket.")) {
            try {
                int n = Integer.parseInt(device.substring("socket.".length()));
                if (socketList.stream().anyMatch(s -> s.socket() == n)) return socketUnitBase + n;
                throw error("faults", "'" + entry + "': there is no socket " + n);
            } catch (NumberFormatException e) {
                // fall through to the generic message
            }
        }
        throw error("faults", "'" + entry + "': unknown device '" + device + "' (expected grid, pv or socket.N)");
    }

    static PhaseConnection phase(String property, String text) {
        try {
            return PhaseConnection.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw error(property, e.getMessage());
        }
    }

    private static void requireRange(String property, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw error(property, "must be within " + plain(min) + ".." + plain(max) + ", got " + plain(value));
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static IllegalArgumentException error(String property, String message) {
        return new IllegalArgumentException(property + ": " + message);
    }
}
