package org.microsmartgrid.simulator.server;

import org.microsmartgrid.simulator.modbus.DeviceFault;
import org.microsmartgrid.simulator.modbus.ModbusTcpFace;
import org.microsmartgrid.simulator.modbus.SimulatedDevices;
import org.microsmartgrid.simulator.model.HomeBattery;
import org.microsmartgrid.simulator.model.LoadInjection;
import org.microsmartgrid.simulator.model.SimulatedSite;
import org.microsmartgrid.simulator.model.SiteSnapshot;
import org.microsmartgrid.simulator.model.SocketSetup;
import org.microsmartgrid.simulator.model.VehicleClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/**
 * The simulated building on the network, without OSGi: the model stepped by a simulation clock, its meters served
 * over Modbus TCP and refreshed every {@code refresh.ms}. Tests of other modules start one on a free port:
 *
 * <pre>{@code
 * SettableRelays relays = new SettableRelays();
 * try (var sim = SimulatedBuildingServer.start(SimulatorSettings.builder().port(0).build(), relays)) {
 *     relays.close(1);
 *     // point the meter bundle at 127.0.0.1:sim.port(), unit sim.gridUnitId() …
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class SimulatedBuildingServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedBuildingServer.class);
    /** Longer than any sane master timeout: a SILENT device's request is held at most this long. */
    private static final Duration SILENT_HOLD = Duration.ofSeconds(30);

    private final Object lock = new Object();
    private final SimulatedSite site;
    private final SimulationClock clock;
    private final SimulatedDevices devices;
    private final ModbusTcpFace face;
    private final ScheduledExecutorService refresher;
    private volatile IntPredicate relayClosed;
    private volatile SimulatorSettings settings;

    private SimulatedBuildingServer(SimulatorSettings settings, IntPredicate relayClosed, Clock wall) throws IOException {
        this.settings = settings;
        this.relayClosed = relayClosed;
        Instant start = settings.startTime() != null ? settings.startTime() : wall.instant();
        this.clock = new SimulationClock(wall, start, settings.timeSpeed());
        this.site = new SimulatedSite(settings.site(), settings.sockets(), start);
        this.devices = new SimulatedDevices(settings.gridUnitId(), settings.pvUnitId(), settings.socketUnitBase(),
                settings.sockets().stream().map(SocketSetup::socket).toList(), serial(settings.seed()), SILENT_HOLD);
        if (settings.battery() != null) {
            HomeBattery battery = new HomeBattery(settings.battery());
            site.setBattery(battery);
            // a write of the controls takes effect at once and shows in the registers at once, as on a device
            devices.addBattery(settings.batteryUnitId(), battery, SILENT_HOLD, (offset, word) -> {
                synchronized (lock) {
                    // one instant for the lot: a write stamped later than the site's time would look like time set
                    // back at the next step, and the battery would revert to automatic mode (HomeBattery.revertIfDue)
                    Instant t = clock.now();
                    site.advanceTo(t, this.relayClosed);
                    battery.write(offset, word, site.now());
                    devices.publish(site.advanceTo(t, this.relayClosed));
                }
            });
        }
        settings.faults().forEach(devices::setFault);
        devices.lineDelay(settings.lineDelay());
        refreshNow();
        this.face = ModbusTcpFace.open(settings.bindHost(), settings.port(), devices.units());
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msg-simulator-refresh-" + face.port());
            t.setDaemon(true);
            return t;
        });
        long period = settings.refreshPeriod().toMillis();
        refresher.scheduleAtFixedRate(this::refreshQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    /** Starts on the wall clock. */
    public static SimulatedBuildingServer start(SimulatorSettings settings, IntPredicate relayClosed) throws IOException {
        return start(settings, relayClosed, Clock.systemUTC());
    }

    /**
     * @param settings     validated settings ({@link SimulatorSettings#builder()})
     * @param relayClosed  whether socket n's relay contact is closed; asked at every refresh
     * @param wall         the clock simulated time follows (times {@code time.speed})
     * @throws IOException when the port cannot be bound
     */
    public static SimulatedBuildingServer start(SimulatorSettings settings, IntPredicate relayClosed, Clock wall) throws IOException {
        SimulatedBuildingServer server = new SimulatedBuildingServer(settings, relayClosed, wall);
        LOG.info("Simulated building listening on Modbus TCP {}:{}: {}", server.host(), server.port(), settings.describe());
        return server;
    }

    public String host() {
        return face.host();
    }

    /** The port it listens on (the chosen one when {@code port} was 0). */
    public int port() {
        return face.port();
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public int gridUnitId() {
        return settings.gridUnitId();
    }

    public int pvUnitId() {
        return settings.pvUnitId();
    }

    public int socketUnitId(int socket) {
        return settings.socketUnitId(socket);
    }

    /** Steps the model to the current simulated time, publishes the registers and returns what they now show. */
    public SiteSnapshot refreshNow() {
        synchronized (lock) {
            SiteSnapshot snapshot = site.advanceTo(clock.now(), relayClosed);
            devices.publish(snapshot);
            return snapshot;
        }
    }

    /** What the registers show since the last refresh. */
    public SiteSnapshot snapshot() {
        synchronized (lock) {
            return site.snapshot();
        }
    }

    public Instant simulatedNow() {
        return clock.now();
    }

    public void setRelays(IntPredicate relays) {
        this.relayClosed = relays;
        refreshNow();
    }

    public void plug(int socket, VehicleClass vehicle, double socPercent) {
        synchronized (lock) {
            site.plug(socket, vehicle, socPercent);
        }
        refreshNow();
    }

    public void unplug(int socket) {
        synchronized (lock) {
            site.unplug(socket);
        }
        refreshNow();
    }

    /** Adds {@code watts} of building load for {@code duration} of simulated time, from now. */
    public void injectLoad(double watts, Duration duration) {
        synchronized (lock) {
            Instant from = clock.now();
            site.injectLoad(new LoadInjection(from, from.plus(duration), watts));
        }
        refreshNow();
    }

    public void clearInjections() {
        synchronized (lock) {
            site.clearInjections();
        }
        refreshNow();
    }

    /** Makes a unit misbehave (or heal, with {@link DeviceFault#NONE}). */
    public void setFault(int unitId, DeviceFault fault) {
        devices.setFault(unitId, fault);
        refreshNow();
    }

    public DeviceFault fault(int unitId) {
        return devices.unit(unitId).fault();
    }

    public void clearFaults() {
        devices.units().keySet().forEach(u -> devices.setFault(u, DeviceFault.NONE));
        refreshNow();
    }

    public void setTimeSpeed(double speed) {
        clock.setSpeed(speed);
    }

    /**
     * Jumps simulated time. Forward jumps integrate energy and charging over the gap (a day takes milliseconds);
     * backward jumps restart time there and keep the counters, as a meter would after its clock was set.
     */
    public void jumpTo(Instant simulated) {
        synchronized (lock) {
            jumpLocked(simulated);
        }
        refreshNow();
    }

    private void jumpLocked(Instant simulated) {
        site.advanceTo(clock.now(), relayClosed);
        clock.jumpTo(simulated);
        if (simulated.isBefore(site.now())) site.rewindTo(simulated, relayClosed);
    }

    /**
     * Applies changed settings to the running building: time speed, start time (a jump), PV, building load,
     * vehicles plugged (changed entries only), faults and the line delay.
     *
     * @throws IllegalArgumentException when the change needs a new server ({@link SimulatorSettings#needsRestartFor})
     */
    public void apply(SimulatorSettings changed) {
        if (settings.needsRestartFor(changed)) throw new IllegalArgumentException("these settings need a restart of the simulator");
        SimulatorSettings old = settings;
        synchronized (lock) {
            site.advanceTo(clock.now(), relayClosed);
            if (changed.timeSpeed() != old.timeSpeed()) clock.setSpeed(changed.timeSpeed());
            if (changed.startTime() != null && !changed.startTime().equals(old.startTime())) jumpLocked(changed.startTime());
            site.setParameters(changed.site());
            for (int i = 0; i < changed.sockets().size(); i++) {
                SocketSetup now = changed.sockets().get(i);
                if (now.equals(old.sockets().get(i))) continue;
                if (now.vehicle() == null) site.unplug(now.socket());
                else site.plug(now.socket(), now.vehicle(), now.socPercent());
            }
            devices.units().keySet().forEach(u -> devices.setFault(u, changed.faults().getOrDefault(u, DeviceFault.NONE)));
            devices.lineDelay(changed.lineDelay());
            settings = changed;
        }
        refreshNow();
        LOG.info("Simulated building on {}:{} now: {}", host(), port(), changed.describe());
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        face.close();
        LOG.info("Simulated building on {}:{} stopped", host(), port());
    }

    private void refreshQuietly() {
        try {
            refreshNow();
        } catch (RuntimeException e) {
            // A misbehaving relay service must not stop the meters from updating.
            LOG.warn("Simulated building: refresh failed: {}", e.toString());
        }
    }

    /** A serial number that stays the same for a seed, like a real inverter's. */
    private static String serial(long seed) {
        return String.format("SIM-%016X", seed);
    }
}
