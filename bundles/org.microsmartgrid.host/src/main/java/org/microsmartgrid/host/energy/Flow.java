package org.microsmartgrid.host.energy;

import java.util.Optional;

import org.microsmartgrid.api.meter.Channel;
import org.microsmartgrid.api.meter.MeterRole;

/**
 * An energy flow of the building that a meter counts. Each is read from one counter channel of the meters of one
 * role; the counters only ever grow (a counter that goes back was reset or replaced: see {@link EnergyLedger}).
 */
public enum Flow {
    /** Bought from the grid: the grid meter's import counter. */
    GRID_IMPORT,
    /** Sold to the grid: the grid meter's export counter. */
    GRID_EXPORT,
    /** Produced by the PV inverter: its lifetime production (SunSpec {@code WH}, read as the export counter). */
    PV,
    /** Delivered to vehicles: the import counters of the sockets' meters, summed. */
    VEHICLES,
    /** Into the home battery: its import counter, when the battery has one. */
    BATTERY_CHARGE,
    /** Out of the home battery: its export counter, when the battery has one. */
    BATTERY_DISCHARGE;

    /** The flow a meter's counter feeds, if any (a building sub-meter feeds none: it is not part of the balance). */
    public static Optional<Flow> of(MeterRole role, Channel channel) {
        return Optional.ofNullable(switch (role) {
            case GRID -> channel == Channel.IMPORT_ENERGY ? GRID_IMPORT : channel == Channel.EXPORT_ENERGY ? GRID_EXPORT : null;
            case PV -> channel == Channel.EXPORT_ENERGY ? PV : null;
            case SOCKET -> channel == Channel.IMPORT_ENERGY ? VEHICLES : null;
            case BATTERY -> channel == Channel.IMPORT_ENERGY ? BATTERY_CHARGE
                    : channel == Channel.EXPORT_ENERGY ? BATTERY_DISCHARGE : null;
            case BUILDING -> null;
        });
    }
}
