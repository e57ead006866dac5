package org.microsmartgrid.grid.balancer.decision;

import java.util.Map;
import java.util.TreeMap;

/** The state one cycle hands to the next, so that {@code decide} stays a pure function (state in, state out). */
public record BalancerState(Map<Integer, SocketMemory> sockets) {

    public static final BalancerState EMPTY = new BalancerState(Map.of());

    public BalancerState {
        sockets = Map.copyOf(new TreeMap<>(sockets));
    }

    public SocketMemory memory(int socket) {
        return sockets.getOrDefault(socket, SocketMemory.NONE);
    }
}
