package org.microsmartgrid.city.stats.cer;

import java.util.Map;

import org.microsmartgrid.city.stats.energy.HourEnergy;

/** Where a statement reads the members' hourly energy from (the stats store, or a test's hand-made series). */
@FunctionalInterface
public interface HourlyReadings {

    /**
     * @param modules   the modules ({@code account/clientId})
     * @param fromHour  first hour, epoch ms, inclusive
     * @param toHour    last hour, epoch ms, exclusive
     * @return per module, per hour start, what is known (absent: nothing known)
     */
    Map<String, Map<Long, HourEnergy>> read(java.util.Collection<String> modules, long fromHour, long toHour);
}
