package org.microsmartgrid.grid.balancer.decision;

import java.util.Map;
import java.util.TreeMap;

/**
 * The state one cycle hands to the next, so that {@code decide} stays a pure function (state in, state out).
 *
 * @param batterySetpointW the set-point the battery was last given (0 at first): a sale counts the battery at no
 *                         more than this, see {@link BatteryPlan}
 */
public record BalancerState(Map<Integer, SocketMemory> sockets, double batterySetpointW) {

    public static final BalancerState EMPTY = new BalancerState(Map.of());

    public BalancerState {
        sockets = Map.copyOf(new TreeMap<>(sockets));
        if (!Double.isFinite(batterySetpointW)) batterySetpointW = 0;
    }

    public BalancerState(Map<Integer, SocketMemory> sockets) {
        this(sockets, 0);
    }

    BalancerState withBatterySetpoint(double w) {
        return new BalancerState(sockets, w);
    }

    public SocketMemory memory(int socket) {
        return sockets.getOrDefault(socket, SocketMemory.NONE);
    }
}
