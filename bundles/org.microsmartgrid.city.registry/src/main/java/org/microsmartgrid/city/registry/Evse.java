package org.microsmartgrid.city.registry;

import java.util.List;

/**
 * One charging socket (an OCPI EVSE) with its last known status.
 *
 * @param socket     the module's socket number (1-based)
 * @param status     the last status reported, as stored (see {@link Location#publicStatus(Evse)} for what the public sees)
 * @param statusAt   capture time of that status, epoch ms
 * @param powerW     the socket's power at that time, or null
 * @param connectors its connectors
 */
public record Evse(int socket, EvseStatus status, long statusAt, Double powerW, List<Connector> connectors) {
    public Evse {
        connectors = List.copyOf(connectors);
    }
}
