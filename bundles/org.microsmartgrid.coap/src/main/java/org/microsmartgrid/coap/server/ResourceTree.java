package org.microsmartgrid.coap.server;

import org.eclipse.californium.core.CoapServer;
import org.microsmartgrid.coap.state.SitePack;

import java.time.Instant;

/**
 * Our resources under the server's root (which already serves /.well-known/core):
 * /site, /site/cap, /sockets, /sockets/{n}, /sockets/{n}/enabled.
 */
final class ResourceTree {

    private final LiveResource site;
    private final CapResource cap;
    private final SocketsResource sockets;

    ResourceTree(CoapServer server, CoapContext context) {
        site = new LiveResource("site", "msg.site", context, () -> SitePack.build(context.sources(), context.clock().instant()));
        cap = new CapResource(context);
        site.add(cap);
        sockets = new SocketsResource(context);
        sockets.sync();
        server.add(site, sockets);
    }

    void notifyIfChanged(Instant now) {
        sockets.sync();
        site.notifyIfChanged(now);
        cap.notifyIfChanged(now);
        sockets.notifyIfChanged(now);
    }
}
