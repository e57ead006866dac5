package org.microsmartgrid.city.stats.sessions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.VehicleClass;
import org.microsmartgrid.city.stats.districts.Districts;
import org.microsmartgrid.city.stats.energy.HourEnergy;

/**
 * Closed sessions per point and hour as their records arrive. Only a CLOSED record the registry took as new counts
 * (the OPEN one, and repeats, do not), in the hour it ended. Not thread-safe (see {@link
 * org.microsmartgrid.city.stats.energy.EnergyAggregator}).
 */
public final class SessionAggregator {

    private final double cellDegrees;
    private final Supplier<Districts> districts;
    private Map<String, SessionHour> pending = new HashMap<>();

    /** @param districts the districts in use when a session closes (they may be replaced while running) */
    public SessionAggregator(double cellDegrees, Supplier<Districts> districts) {
        this.cellDegrees = cellDegrees;
        this.districts = districts;
    }

    /** @return false when it does not count (no position: the point is not public, so not in the statistics) */
    public boolean closed(Location at, long ended, double energyWh, double solarWh) {
        if (!at.located()) return false;
        long hour = HourEnergy.hourOf(ended);
        TreeSet<String> classes = new TreeSet<>();
        for (VehicleClass v : at.vehicleClasses()) classes.add(v.name());
        SessionHour h = new SessionHour(at.id(), hour, Areas.cell(at.latitude(), at.longitude(), cellDegrees),
                districts.get().of(at.latitude(), at.longitude()), at.operatorType().name(), classes.isEmpty() ? "UNSPECIFIED" : String.join("+", classes), 1,
                Math.max(0, energyWh), Math.max(0, Math.min(solarWh, energyWh)));
        pending.merge(at.id() + "@" + hour, h, SessionHour::plus);
        return true;
    }

    public List<SessionHour> drain() {
        List<SessionHour> out = new ArrayList<>(pending.values());
        pending = new HashMap<>();
        return out;
    }
}
