package org.microsmartgrid.console.relays;

import org.microsmartgrid.api.control.ControlLoopStatus;
import org.microsmartgrid.api.control.SocketAllocation;
import org.microsmartgrid.api.control.SocketHold;
import org.microsmartgrid.api.control.SocketHolds;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the balancer says about each socket, for the relay page: whether holds can be asked at all (the balancer
 * runs), the holds in force and its last decision per socket. A balancer stopping while read counts as absent.
 *
 * @param available whether the balancer takes holds (the buttons then ask for one)
 * @param holds     the holds in force, by socket
 * @param decisions the last decision, by socket
 */
record HoldView(boolean available, Map<Integer, SocketHold> holds, Map<Integer, SocketAllocation> decisions) {

    static final HoldView NONE = new HoldView(false, Map.of(), Map.of());

    static HoldView of(SocketHolds holds, ControlLoopStatus loop) {
        if (holds == null) return NONE;
        Map<Integer, SocketHold> byHold = new TreeMap<>();
        Map<Integer, SocketAllocation> bySocket = new TreeMap<>();
        try {
            for (SocketHold h : holds.holds()) byHold.put(h.socket(), h);
            if (loop != null)
                loop.lastDecision().ifPresent(d -> d.sockets().forEach(s -> bySocket.put(s.socket(), s)));
        } catch (RuntimeException gone) {
            return NONE;
        }
        return new HoldView(true, Map.copyOf(byHold), Map.copyOf(bySocket));
    }
}
