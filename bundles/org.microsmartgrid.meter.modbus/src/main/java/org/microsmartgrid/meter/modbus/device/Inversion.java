package org.microsmartgrid.meter.modbus.device;

import org.microsmartgrid.api.meter.Channel;

/**
 * A meter mounted the other way round (e.g. a PV meter that counts production as export): power changes sign and
 * the import and export counters trade places.
 */
final class Inversion {
    private Inversion() {
    }

    static Channel channel(Channel c) {
        return switch (c) {
            case IMPORT_ENERGY -> Channel.EXPORT_ENERGY;
            case EXPORT_ENERGY -> Channel.IMPORT_ENERGY;
            default -> c;
        };
    }

    static double value(Channel c, double v) {
        return switch (c) {
            case ACTIVE_POWER, ACTIVE_POWER_L1, ACTIVE_POWER_L2, ACTIVE_POWER_L3 -> -v;
            default -> v;
        };
    }
}
