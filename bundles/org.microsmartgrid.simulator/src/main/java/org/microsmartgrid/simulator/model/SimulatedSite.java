package org.microsmartgrid.simulator.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The simulated building: PV, the building's own load, one charger model per socket and the grid connection that
 * balances them, stepped through simulated time. No threads, no clock, no I/O: whoever drives it says what time it
 * is and which relay contacts are closed, and gets what every meter shows. Not thread-safe.
 */
public final class SimulatedSite {
    /** tan φ of the building's load (power factor 0.95, motors and lighting) and of the chargers (PFC, 0.99). */
    private static final double TAN_BUILDING = Math.tan(Math.acos(0.95));
    private static final double TAN_CHARGER = Math.tan(Math.acos(0.99));
    private static final double NOMINAL_VOLTAGE = 230;
    /** Feeder resistance per phase: importing lowers the voltage, exporting raises it, a little. */
    private static final double FEEDER_OHM = 0.1;
    /** Energy is integrated in steps of at most a second, or in 20,000 steps over a long jump. */
    private static final Duration MAX_STEP = Duration.ofSeconds(1);
    private static final long MAX_STEPS_PER_ADVANCE = 20_000;
    private static final long COUNTER_STREAM = 0xC0DE;

    private final Location location;
    private final PvModel pv;
    private final BuildingLoad building;
    private final Ar1Noise[] voltageNoise = new Ar1Noise[3];
    private final Ar1Noise frequencyNoise;
    private final Map<Integer, SocketState> sockets = new LinkedHashMap<>();
    private SiteParameters parameters;
    private Instant now;
    private double gridImportKwh;
    private double gridExportKwh;
    private double pvWh;
    private SiteSnapshot snapshot;
    private HomeBattery battery;

    public SimulatedSite(SiteParameters parameters, List<SocketSetup> socketSetups, Instant start) {
        this.parameters = parameters;
        this.location = parameters.location();
        long seed = parameters.seed();
        this.pv = new PvModel(location, seed, parameters.pvPeakW(), parameters.cloudiness());
        this.building = new BuildingLoad(location, seed, parameters.buildingBaseW(), parameters.buildingPeakW());
        building.setExtraW(parameters.extraLoadW());
        for (int i = 0; i < 3; i++) voltageNoise[i] = new Ar1Noise(seed, 0x7000 + i, 1, 30);
        this.frequencyNoise = new Ar1Noise(seed, 0xF000, 1, 20);
        // Meters are installed long before the simulation starts: their counters do not read zero.
        this.gridImportKwh = 2000 + 8000 * Draws.uniform(seed, COUNTER_STREAM, 0);
        this.gridExportKwh = 500 + 2500 * Draws.uniform(seed, COUNTER_STREAM, 1);
        this.pvWh = 1_000_000 + 9_000_000 * Draws.uniform(seed, COUNTER_STREAM, 2);
        for (SocketSetup s : socketSetups) {
            if (sockets.containsKey(s.socket())) throw new IllegalArgumentException("socket " + s.socket() + " is defined twice");
            double importKwh = 10 + 490 * Draws.uniform(seed, COUNTER_STREAM, 100 + s.socket());
            sockets.put(s.socket(), new SocketState(s.phase(), s.vehicle(), s.socPercent() / 100, importKwh));
        }
        this.now = start;
        this.snapshot = measure(start, contacts(n -> false));
    }

    /** Applies changed parameters from now on; the seed and the location cannot change. */
    public void setParameters(SiteParameters changed) {
        if (changed.seed() != parameters.seed() || !changed.location().equals(parameters.location())) {
            throw new IllegalArgumentException("the seed and the location of a running site cannot change");
        }
        pv.setPeakW(changed.pvPeakW());
        pv.setCloudiness(changed.cloudiness());
        building.setBaseW(changed.buildingBaseW());
        building.setPeakW(changed.buildingPeakW());
        building.setExtraW(changed.extraLoadW());
        parameters = changed;
    }

    /** Puts a home battery into the building (three-phase, balanced): its power enters the grid balance. */
    public void setBattery(HomeBattery battery) {
        this.battery = battery;
        this.snapshot = measure(now, contacts(n -> false));
    }

    public SiteParameters parameters() {
        return parameters;
    }

    public Set<Integer> socketNumbers() {
        return Set.copyOf(sockets.keySet());
    }

    /** Plugs a vehicle into a socket (replacing whatever was plugged). */
    public void plug(int socket, VehicleClass vehicle, double socPercent) {
        if (vehicle == null) throw new IllegalArgumentException("plug needs a vehicle class");
        if (!(socPercent >= 0 && socPercent <= 100)) throw new IllegalArgumentException("state of charge must be within 0..100 %, got " + socPercent);
        SocketState s = socketState(socket);
        s.vehicle = vehicle;
        s.soc = socPercent / 100;
    }

    public void unplug(int socket) {
        SocketState s = socketState(socket);
        s.vehicle = null;
        s.soc = 0;
    }

    /** Adds {@code watts} of building load from {@code from} until {@code until} (simulated time). */
    public void injectLoad(LoadInjection injection) {
        building.inject(injection);
    }

    public void clearInjections() {
        building.clearInjections();
    }

    public Instant now() {
        return now;
    }

    /** The meters as of the last {@link #advanceTo}. */
    public SiteSnapshot snapshot() {
        return snapshot;
    }

    /**
     * Moves simulated time forward to {@code t}, integrating energy and charging with the contacts as they are now,
     * and returns what the meters show at {@code t}. A {@code t} not after the current time only re-measures
     * (a relay that just switched shows at once, as a charger's draw does).
     */
    public SiteSnapshot advanceTo(Instant t, IntPredicate contactClosed) {
        boolean[] closed = contacts(contactClosed);
        if (t.isAfter(now)) {
            Duration gap = Duration.between(now, t);
            Duration step = gap.dividedBy(MAX_STEPS_PER_ADVANCE);
            if (step.compareTo(MAX_STEP) < 0) step = MAX_STEP;
            for (Instant s = now; s.isBefore(t); ) {
                Instant next = s.plus(step).isAfter(t) ? t : s.plus(step);
                integrate(s, Duration.between(s, next).toNanos() / 1e9, closed);
                s = next;
            }
            now = t;
        }
        snapshot = measure(now, closed);
        return snapshot;
    }

    /**
     * Sets simulated time back to {@code t} without undoing anything: counters and states of charge stay, as a
     * meter's do when its clock is set back.
     */
    public SiteSnapshot rewindTo(Instant t, IntPredicate contactClosed) {
        if (t.isAfter(now)) throw new IllegalArgumentException("rewindTo goes back in time; use advanceTo");
        now = t;
        snapshot = measure(now, contacts(contactClosed));
        return snapshot;
    }

    private void integrate(Instant t, double seconds, boolean[] closed) {
        Flows f = flows(t, closed);
        double net = f.loadW + f.socketsW() - f.pvW;
        double batteryW = battery == null ? 0 : battery.powerFor(net, t);
        if (battery != null) battery.integrate(batteryW, seconds);
        double grid = net - batteryW;
        double hours = seconds / 3600;
        if (grid > 0) gridImportKwh += grid * hours / 1000;
        else gridExportKwh += -grid * hours / 1000;
        pvWh += f.pvW * hours;
        int i = 0;
        for (SocketState s : sockets.values()) {
            double w = f.socketW[i++];
            if (w > 0) {
                s.importKwh += w * hours / 1000;
                s.soc = Charger.charge(s.vehicle, s.soc, w, seconds);
            }
        }
    }

    private SiteSnapshot measure(Instant t, boolean[] closed) {
        Flows f = flows(t, closed);
        double[] p = new double[3];
        double[] q = new double[3];
        for (int i = 0; i < 3; i++) {
            double load = f.loadW * parameters.buildingPhase().share(i);
            p[i] = load - f.pvW * parameters.pvPhase().share(i);
            q[i] = load * TAN_BUILDING;
        }
        int k = 0;
        for (SocketState s : sockets.values()) {
            int i = s.phase.ordinal();
            p[i] += f.socketW[k];
            q[i] += f.socketW[k] * TAN_CHARGER;
            k++;
        }
        if (battery != null) {
            double b = battery.powerFor(f.loadW + f.socketsW() - f.pvW, t);
            battery.measured(b);
            for (int i = 0; i < 3; i++) p[i] -= b / 3;
        }
        double[] volts = new double[3];
        List<PhaseValues> gridPhases = new ArrayList<>(3);
        List<PhaseValues> pvPhases = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            volts[i] = NOMINAL_VOLTAGE + 1.5 * voltageNoise[i].at(t) - FEEDER_OHM * p[i] / NOMINAL_VOLTAGE;
            gridPhases.add(PhaseValues.of(volts[i], p[i], q[i]));
            pvPhases.add(PhaseValues.of(volts[i], f.pvW * parameters.pvPhase().share(i), 0));
        }
        double hz = Math.max(49.9, Math.min(50.1, 50 + 0.02 * frequencyNoise.at(t)));
        List<SocketMeterValues> socketValues = new ArrayList<>(sockets.size());
        k = 0;
        for (Map.Entry<Integer, SocketState> e : sockets.entrySet()) {
            SocketState s = e.getValue();
            double w = f.socketW[k];
            socketValues.add(new SocketMeterValues(e.getKey(), s.phase,
                    PhaseValues.of(volts[s.phase.ordinal()], w, w * TAN_CHARGER), hz, s.importKwh, 0, closed[k],
                    s.vehicle, s.vehicle == null ? 0 : s.soc * 100));
            k++;
        }
        double peak = parameters.pvPeakW();
        double cabinet = 25 + (peak > 0 ? 20 * f.pvW / peak : 0);
        PvValues pvValues = new PvValues(parameters.pvPhase(), pvPhases, f.pvW, hz, pvWh, cabinet);
        GridMeterValues grid = new GridMeterValues(gridPhases, hz, gridImportKwh, gridExportKwh);
        return new SiteSnapshot(t, f.loadW, grid, pvValues, socketValues);
    }

    private Flows flows(Instant t, boolean[] closed) {
        double[] socketW = new double[sockets.size()];
        int k = 0;
        for (SocketState s : sockets.values()) {
            socketW[k] = closed[k] && s.vehicle != null ? Charger.powerW(s.vehicle, s.soc) : 0;
            k++;
        }
        return new Flows(pv.powerW(t), building.powerW(t), socketW);
    }

    private boolean[] contacts(IntPredicate contactClosed) {
        boolean[] closed = new boolean[sockets.size()];
        int k = 0;
        for (int number : sockets.keySet()) closed[k++] = contactClosed.test(number);
        return closed;
    }

    private SocketState socketState(int socket) {
        SocketState s = sockets.get(socket);
        if (s == null) throw new IllegalArgumentException("no socket " + socket + " (sockets: " + sockets.keySet() + ")");
        return s;
    }

    private record Flows(double pvW, double loadW, double[] socketW) {
        double socketsW() {
            double sum = 0;
            for (double w : socketW) sum += w;
            return sum;
        }
    }

    private static final class SocketState {
        final PhaseConnection phase;
        VehicleClass vehicle;
        double soc;
        double importKwh;

        SocketState(PhaseConnection phase, VehicleClass vehicle, double soc, double importKwh) {
            this.phase = phase;
            this.vehicle = vehicle;
            this.soc = vehicle == null ? 0 : soc;
            this.importKwh = importKwh;
        }
    }
}
