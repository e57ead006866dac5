package org.microsmartgrid.grid.balancer.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.microsmartgrid.api.meter.Meter;
import org.microsmartgrid.api.meter.MeterReading;
import org.microsmartgrid.api.meter.MeterRole;
import org.microsmartgrid.api.relay.Relay;
import org.microsmartgrid.api.relay.RelayState;
import org.microsmartgrid.grid.balancer.config.SiteConfig;
import org.microsmartgrid.grid.balancer.config.SocketConfig;
import org.microsmartgrid.grid.balancer.decision.BalancerState;
import org.microsmartgrid.grid.balancer.decision.BatteryValue;
import org.microsmartgrid.grid.balancer.decision.MeterValue;
import org.microsmartgrid.grid.balancer.decision.RelayView;
import org.microsmartgrid.grid.balancer.decision.Reserved;
import org.microsmartgrid.grid.balancer.decision.Settings;
import org.microsmartgrid.grid.balancer.decision.SiteSnapshot;
import org.microsmartgrid.grid.balancer.decision.SocketSnapshot;
import org.microsmartgrid.grid.balancer.tariff.TariffOutlook;

/**
 * Reads the meter and relay services into a {@link SiteSnapshot}. A service that throws counts as failed, never
 * as absent: a GRID meter that cannot be read puts the site in the safe state, a relay that cannot be read is a fault.
 */
final class SnapshotGatherer {

    private SnapshotGatherer() {
    }

    static SiteSnapshot gather(Instant now, Collection<Meter> meters, Collection<Relay> relays, SiteConfig config,
                               SessionSource sessions, BalancerState previous, TariffOutlook tariff) {
        return gather(now, meters, relays, config, sessions, previous, tariff, Map.of(), Double.POSITIVE_INFINITY);
    }

    /**
     * @param disabled sockets disabled through SiteControl, with who did it
     * @param capW     the import cap in force, +∞ when none
     */
    static SiteSnapshot gather(Instant now, Collection<Meter> meters, Collection<Relay> relays, SiteConfig config,
                               SessionSource sessions, BalancerState previous, TariffOutlook tariff,
                               Map<Integer, String> disabled, double capW) {
        return gather(now, meters, relays, config, sessions, previous, tariff, disabled, capW, Map.of());
    }

    /** @param reserved the reservations in force now, by socket */
    static SiteSnapshot gather(Instant now, Collection<Meter> meters, Collection<Relay> relays, SiteConfig config,
                               SessionSource sessions, BalancerState previous, TariffOutlook tariff,
                               Map<Integer, String> disabled, double capW, Map<Integer, Reserved> reserved) {
        return fromReadings(now, readAll(meters, now), relays, config, sessions, previous, tariff, disabled, capW,
                reserved);
    }

    /** Every meter's reading now; a meter that throws or gives nothing reads as failed. */
    static List<MeterReading> readAll(Collection<Meter> meters, Instant now) {
        List<MeterReading> readings = new ArrayList<>(meters.size());
        for (Meter m : meters) readings.add(read(m, now));
        return readings;
    }

    /** The snapshot from readings already taken ({@link #readAll}): the cycle's site view shows the same ones. */
    static SiteSnapshot fromReadings(Instant now, List<MeterReading> readings, Collection<Relay> relays,
                                     SiteConfig config, SessionSource sessions, BalancerState previous,
                                     TariffOutlook tariff, Map<Integer, String> disabled, double capW,
                                     Map<Integer, Reserved> reserved) {
        Map<MeterRole, List<MeterReading>> byRole = new HashMap<>();
        for (MeterReading r : readings) byRole.computeIfAbsent(r.role(), k -> new ArrayList<>()).add(r);
        MeterValue grid = MeterValues.sum(byRole.getOrDefault(MeterRole.GRID, List.of()))
                .orElse(MeterValue.failed(now));
        Optional<MeterValue> pv = MeterValues.sum(byRole.getOrDefault(MeterRole.PV, List.of()));
        Optional<BatteryValue> battery = byRole.getOrDefault(MeterRole.BATTERY, List.of()).stream().findFirst()
                .map(MeterValues::battery);
        Map<Integer, MeterValue> socketMeters = new HashMap<>();
        for (MeterReading r : byRole.getOrDefault(MeterRole.SOCKET, List.of()))
            socketMeters.putIfAbsent(r.socket(), MeterValues.power(r));

        Map<Integer, List<Relay>> relaysBySocket = RelayApplier.bySocket(relays);
        TreeSet<Integer> numbers = new TreeSet<>(config.sockets().keySet());
        numbers.addAll(relaysBySocket.keySet());
        numbers.addAll(socketMeters.keySet());
        List<SocketSnapshot> sockets = new ArrayList<>();
        for (int n : numbers) {
            if (n < 1) continue;
            SocketConfig c = config.socket(n);
            sockets.add(new SocketSnapshot(n, c.ratingW(), c.priority(), Optional.ofNullable(socketMeters.get(n)),
                    relayView(n, relaysBySocket.getOrDefault(n, List.of()), now), sessions.session(n, c.mode(), now),
                    disabled.get(n), reserved.get(n)));
        }
        Settings settings = Double.isFinite(capW) ? config.settings().withImportCap(capW) : config.settings();
        return new SiteSnapshot(now, grid, pv, battery, sockets, tariff, settings, previous,
                gridSetup(byRole.getOrDefault(MeterRole.GRID, List.of()), config.gridMeters()));
    }

    /**
     * GRID meters are added up, so a meter left in role GRID by mistake (a PV or socket meter) would silently change
     * the import the loop protects: the site must have exactly the number of GRID meters its configuration declares.
     */
    static Optional<String> gridSetup(List<MeterReading> gridReadings, int expected) {
        if (gridReadings.size() == expected || gridReadings.isEmpty()) return Optional.empty(); // none: "grid meter FAILED"
        List<String> ids = gridReadings.stream().map(MeterReading::meterId).sorted().toList();
        return Optional.of(gridReadings.size() + " meters have role GRID " + ids + " but grid.meters = " + expected
                + ": check each meter's meter.role / " + gridReadings.size() + " contatori con ruolo GRID, attesi "
                + expected);
    }

    private static MeterReading read(Meter m, Instant now) {
        try {
            MeterReading r = m.reading();
            if (r != null) return r;
        } catch (RuntimeException e) {
            // counted as failed below
        }
        MeterRole role;
        int socket;
        try {
            role = m.role();
            socket = m.socket();
        } catch (RuntimeException e) {
            role = MeterRole.GRID; // a meter that cannot even say what it is: assume the worst
            socket = 0;
        }
        return MeterReading.none(safeId(m), role, socket, now);
    }

    private static String safeId(Meter m) {
        try {
            return m.id();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static RelayView relayView(int socket, List<Relay> relays, Instant now) {
        if (relays.isEmpty()) return RelayView.missing(now, "no relay serves socket " + socket);
        if (relays.size() > 1) return RelayView.missing(now, relays.size() + " relays claim socket " + socket);
        try {
            RelayState s = relays.get(0).state();
            return new RelayView(s.closed(), s.since() != null ? s.since() : now, s.fault());
        } catch (RuntimeException e) {
            return RelayView.missing(now, "relay state unreadable: " + e.getMessage());
        }
    }
}
