package org.microsmartgrid.coap.server;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.server.resources.Resource;
import org.microsmartgrid.coap.state.SocketPack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * /sockets: one observable child per socket the module knows (/sockets/{n}, with /sockets/{n}/enabled), added and
 * removed as meters, relays and the loop come and go, so discovery always lists the real sockets.
 */
public final class SocketsResource extends CoapResource {

    private final CoapContext context;

    public SocketsResource(CoapContext context) {
        super("sockets");
        this.context = context;
        getAttributes().setTitle("charging sockets");
    }

    /** Adds and removes children to match the sockets the module knows now. */
    void sync() {
        Set<Integer> known = SocketPack.sockets(context.sources(), context.clock().instant());
        for (Resource child : new ArrayList<>(getChildren()))
            if (!known.contains(Integer.valueOf(child.getName()))) delete(child);
        for (int n : known) {
            if (getChild(Integer.toString(n)) != null) continue;
            LiveResource socket = new LiveResource(Integer.toString(n), "msg.socket", context,
                    () -> SocketPack.build(context.sources(), n, context.clock().instant()));
            socket.add(new EnabledResource(n, context));
            add(socket);
        }
    }

    /** The observable resources below /sockets. */
    List<LiveResource> live() {
        List<LiveResource> all = new ArrayList<>();
        for (Resource socket : getChildren()) {
            all.add((LiveResource) socket);
            for (Resource child : socket.getChildren()) all.add((LiveResource) child);
        }
        return all;
    }

    void notifyIfChanged(Instant now) {
        live().forEach(r -> r.notifyIfChanged(now));
    }
}
