package org.microsmartgrid.meter.modbus.bus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.Sample;
import org.microsmartgrid.meter.modbus.config.MeterSettings;
import org.microsmartgrid.meter.modbus.device.MapSource;
import org.microsmartgrid.meter.modbus.device.MeterDevice;
import org.microsmartgrid.meter.modbus.poll.TimeSource;
import org.microsmartgrid.meter.modbus.profiles.Sdm120Map;
import org.microsmartgrid.meter.modbus.profiles.Sdm630Map;
import org.microsmartgrid.meter.modbus.testing.Settings;
import org.microsmartgrid.meter.modbus.testing.Slave;

/**
 * The condominium of issue 21 over real Modbus TCP: a j2mod slave that answers each read 25 ms late (a 9600 baud
 * line), an SDM630 grid meter at unit 1 polled every 250 ms, and socket SDM120s at units 2.. polled every 500 ms, all
 * on one real bus thread. Records when each grid value was captured and when the module heard of it.
 */
final class SlowLineSite implements AutoCloseable {
    static final int GRID_UNIT = 1;

    final Slave slave;
    final BusPoller bus;
    final List<MeterDevice> devices = new ArrayList<>();
    /** Capture time of the grid's power in each reading published, with the monotonic time it was published. */
    final List<long[]> grid = Collections.synchronizedList(new ArrayList<>());
    /** Fast polls published per socket meter (index = socket number). */
    final int[] socketPolls;
    /** Per socket: capture time of its last power value, the longest gap between two, and readings not GOOD. */
    private final long[] socketLastAt;
    private final long[] socketMaxGap;
    private final int[] socketNotGood;
    private volatile long measureFrom = Long.MAX_VALUE;

    SlowLineSite(int sockets, long requestMs) throws Exception {
        slave = Slave.start();
        slave.replyDelay(requestMs);
        socketPolls = new int[sockets + 1];
        socketLastAt = new long[sockets + 1];
        socketMaxGap = new long[sockets + 1];
        socketNotGood = new int[sockets + 1];
        sdm(GRID_UNIT, 1000f);
        for (int s = 1; s <= sockets; s++) sdm(GRID_UNIT + s, 100f);
        bus = BusPoller.withJ2mod(Settings.tcpBus("line", slave.port(), 1000));
        add(Settings.meter("meter.id", "grid", "bus.id", "line", "bus.target", "(bus.id=line)", "unit.id", GRID_UNIT,
                "profile", "SDM630", "meter.role", "GRID", "poll.fast.ms", 250, "poll.slow.ms", 10_000), Sdm630Map.MAP, r -> {
            Sample p = r.values().get(Channel.ACTIVE_POWER);
            if (p != null) grid.add(new long[] {p.at().toEpochMilli(), System.nanoTime() / 1_000_000, (long) p.value()});
        });
        for (int s = 1; s <= sockets; s++) {
            int socket = s;
            add(Settings.meter("meter.id", "socket-" + s, "bus.id", "line", "bus.target", "(bus.id=line)",
                    "unit.id", GRID_UNIT + s, "profile", "SDM120", "meter.role", "SOCKET", "meter.socket", s,
                    "poll.fast.ms", 500, "poll.slow.ms", 10_000), Sdm120Map.MAP, r -> {
                synchronized (socketPolls) {
                    socketPolls[socket]++;
                    Sample p = r.values().get(Channel.ACTIVE_POWER);
                    if (p == null || p.at().toEpochMilli() < measureFrom) return;
                    long at = p.at().toEpochMilli();
                    if (socketLastAt[socket] > 0 && at > socketLastAt[socket])
                        socketMaxGap[socket] = Math.max(socketMaxGap[socket], at - socketLastAt[socket]);
                    socketLastAt[socket] = at;
                    if (!r.isGood()) socketNotGood[socket]++;
                }
            });
        }
    }

    private void sdm(int unit, float power) {
        slave.inputSize(unit, 0x0158);
        for (int a = 0; a <= 4; a += 2) slave.inputFloat(unit, a, 230f);
        slave.inputFloat(unit, 0x000C, power);
        slave.inputFloat(unit, 0x0034, power);
        slave.inputFloat(unit, 0x0046, 50f);
    }

    /** The grid meter now measures this (an overload switched on at the site). */
    void gridPower(float watts) {
        slave.inputFloat(GRID_UNIT, 0x000C, watts);
        slave.inputFloat(GRID_UNIT, 0x0034, watts);
    }

    private void add(MeterSettings s, org.microsmartgrid.meter.modbus.registers.RegisterMap map,
                     java.util.function.Consumer<MeterReading> listener) {
        MeterDevice d = new MeterDevice(s, "line", new MapSource(map, TimeSource.SYSTEM), listener, TimeSource.SYSTEM);
        devices.add(d);
    }

    void start() {
        bus.start();
        for (MeterDevice d : devices) bus.attach(d);
    }

    /** The gaps between two consecutive grid captures from {@code fromEpochMs}: how old the reading grew. */
    List<Long> gridGaps(long fromEpochMs) {
        List<Long> gaps = new ArrayList<>();
        long previous = -1;
        synchronized (grid) {
            for (long[] g : grid) {
                if (g[0] < fromEpochMs) continue;
                if (previous >= 0 && g[0] > previous) gaps.add(g[0] - previous);
                previous = g[0];
            }
        }
        return gaps;
    }

    /** Socket figures count from now on. */
    void measureSockets() {
        measureFrom = epochNow();
    }

    /** The longest any socket's power went without a fresh value, and how many socket readings were not GOOD. */
    long[] socketWorst() {
        synchronized (socketPolls) {
            long gap = 0;
            long notGood = 0;
            for (int i = 1; i < socketMaxGap.length; i++) {
                gap = Math.max(gap, socketMaxGap[i]);
                notGood += socketNotGood[i];
            }
            return new long[] {gap, notGood};
        }
    }

    int[] socketPollsSnapshot() {
        synchronized (socketPolls) {
            return socketPolls.clone();
        }
    }

    static long epochNow() {
        return Instant.now().toEpochMilli();
    }

    @Override
    public void close() {
        bus.stop();
        slave.close();
    }
}
