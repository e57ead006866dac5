package org.microsmartgrid.simulator.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * Relay contacts set by hand, for running the simulated building without the relay bundle (tests, the command
 * line). All open at start, like real relays.
 */
public final class SettableRelays implements IntPredicate {
    private final Set<Integer> closed = ConcurrentHashMap.newKeySet();

    public SettableRelays close(int socket) {
        closed.add(socket);
        return this;
    }

    public SettableRelays open(int socket) {
        closed.remove(socket);
        return this;
    }

    public SettableRelays set(int socket, boolean isClosed) {
        return isClosed ? close(socket) : open(socket);
    }

    @Override
    public boolean test(int socket) {
        return closed.contains(socket);
    }
}
