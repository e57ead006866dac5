package org.microsmartgrid.grid.balancer.decision;

import org.microsmartgrid.api.control.PowerSource;

/**
 * The power still available while sockets are served in turn.
 *
 * <p>{@code total} is the grid headroom (it already includes any export): every socket must fit in it.
 * {@code surplus} is the part of it that is solar surplus: only SURPLUS sessions are restricted to it. GRID
 * sessions take the grid part first, so a NOW session does not eat the surplus a solar session could use; the
 * surplus shrinks only when the total falls below it. {@code battery} is what the battery may discharge to keep
 * running solar sessions going in an expensive band.
 */
final class Pools {

    double total;
    double surplus;
    double battery;

    Pools(double total, double surplus, double battery) {
        this.total = total;
        this.surplus = Math.max(0, Math.min(surplus, total));
        this.battery = battery;
    }

    double available(PowerSource source, boolean mayUseBattery) {
        return source == PowerSource.GRID ? total : Math.min(total, surplus + (mayUseBattery ? battery : 0));
    }

    /** Takes a socket's power; returns the part the battery covers. */
    double take(PowerSource source, double w, boolean mayUseBattery) {
        double fromBattery = 0;
        if (source != PowerSource.GRID) {
            double fromSurplus = Math.min(surplus, w);
            surplus -= fromSurplus;
            fromBattery = mayUseBattery ? Math.min(battery, w - fromSurplus) : 0;
            battery -= fromBattery;
        }
        total -= w;
        surplus = Math.max(0, Math.min(surplus, total));
        return fromBattery;
    }
}
