package org.microsmartgrid.simulator.server;

import org.microsmartgrid.simulator.modbus.DeviceFault;
import org.microsmartgrid.simulator.model.BatterySetup;
import org.microsmartgrid.simulator.model.Location;
import org.microsmartgrid.simulator.model.SiteParameters;
import org.microsmartgrid.simulator.model.SocketSetup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything that configures a simulated building, validated. Built with {@link #builder()}; every error message
 * names the configuration property (as in the OSGi configuration and on the command line) that is wrong.
 *
 * @param bindHost        address to listen on
 * @param port            Modbus TCP port (0 = a free port)
 * @param seed            seed of every random process
 * @param timeSpeed       simulated seconds per real second
 * @param startTime       simulated time at start, or null for "now"
 * @param refreshPeriod   how often the registers are refreshed from the model
 * @param site            PV, building load and phases
 * @param sockets         the sockets, in socket order
 * @param gridUnitId      unit id of the grid SDM630
 * @param pvUnitId        unit id of the SunSpec inverter
 * @param socketUnitBase  socket n's SDM120 answers to unit id base + n
 * @param faults          unit id → fault, for the units that are not healthy
 * @param battery         the home battery, or null when the building has none
 * @param batteryUnitId   unit id of the battery's SunSpec device (inverter 103 + storage 124)
 * @param lineDelay       how long each request holds the simulated RS-485 line before it is answered (0: at once)
 */
public record SimulatorSettings(String bindHost, int port, long seed, double timeSpeed, Instant startTime,
                                Duration refreshPeriod, SiteParameters site, List<SocketSetup> sockets,
                                int gridUnitId, int pvUnitId, int socketUnitBase, Map<Integer, DeviceFault> faults,
                                BatterySetup battery, int batteryUnitId, Duration lineDelay) {

    public SimulatorSettings {
        sockets = List.copyOf(sockets);
        faults = Map.copyOf(faults);
    }

    public static SettingsBuilder builder() {
        return new SettingsBuilder();
    }

    /** The settings with every default (4 sockets, port 5020, …). */
    public static SimulatorSettings defaults() {
        return builder().build();
    }

    public int socketUnitId(int socket) {
        return socketUnitBase + socket;
    }

    /**
     * Whether going from these settings to {@code other} needs a new server (new port, new units, new seed);
     * everything else is applied to the running one.
     */
    public boolean needsRestartFor(SimulatorSettings other) {
        return !bindHost.equals(other.bindHost) || port != other.port || seed != other.seed
                || !refreshPeriod.equals(other.refreshPeriod) || gridUnitId != other.gridUnitId
                || pvUnitId != other.pvUnitId || socketUnitBase != other.socketUnitBase
                || !java.util.Objects.equals(battery, other.battery) || batteryUnitId != other.batteryUnitId
                || !socketWiring(sockets).equals(socketWiring(other.sockets));
    }

    private static List<String> socketWiring(List<SocketSetup> sockets) {
        return sockets.stream().map(s -> s.socket() + "@" + s.phase()).toList();
    }

    /** A one-line description for the log. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append("grid SDM630 unit ").append(gridUnitId)
                .append(", PV SunSpec inverter unit ").append(pvUnitId).append(" (")
                .append(site.pvPhase().singlePhase() ? "model 101 on " + site.pvPhase() : "model 103")
                .append(", ").append(fmt(site.pvPeakW())).append(" W peak, cloudiness ").append(site.cloudiness()).append(')');
        for (SocketSetup s : sockets) {
            b.append(", socket ").append(s.socket()).append(" SDM120 unit ").append(socketUnitId(s.socket()))
                    .append(" on ").append(s.phase()).append(" (")
                    .append(s.vehicle() == null ? "empty" : s.vehicle() + " " + fmt(s.socPercent()) + "%").append(')');
        }
        if (battery != null) b.append(", battery SunSpec unit ").append(batteryUnitId).append(" (")
                .append(fmt(battery.capacityWh())).append(" Wh, ").append(fmt(battery.maxChargeW())).append(" W in, ")
                .append(fmt(battery.maxDischargeW())).append(" W out, ").append(fmt(battery.socPercent())).append("%)");
        b.append("; building ").append(fmt(site.buildingBaseW())).append(" W base + ")
                .append(fmt(site.buildingPeakW())).append(" W peak");
        if (site.extraLoadW() > 0) b.append(" + ").append(fmt(site.extraLoadW())).append(" W extra");
        b.append("; seed ").append(seed).append(", time x").append(timeSpeed);
        if (!faults.isEmpty()) b.append("; faults ").append(faults);
        if (!lineDelay.isZero()) b.append("; line ").append(lineDelay.toMillis()).append(" ms per request");
        return b.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Location is fixed to Milan for now: the project starts in Municipio 1. */
    static Location location() {
        return Location.MILAN;
    }
}
