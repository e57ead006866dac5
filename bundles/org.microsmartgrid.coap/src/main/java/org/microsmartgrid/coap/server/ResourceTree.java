package org.microsmartgrid.coap.server;

import org.eclipse.californium.core.CoapServer;
import org.microsmartgrid.coap.state.SitePack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Our resources under the server's root (which already serves /.well-known/core):
 * /site, /site/cap, /site/reservations, /sockets, /sockets/{n}, /sockets/{n}/enabled.
 */
final class ResourceTree {

    private final LiveResource site;
    private final CapResource cap;
    private final ReservationsResource reservations;
    private final SocketsResource sockets;

    ResourceTree(CoapServer server, CoapContext context) {
        site = new LiveResource("site", "msg.site", context, () -> SitePack.build(context.sources(), context.clock().instant()));
        cap = new CapResource(context);
        site.add(cap);
        reservations = new ReservationsResource(context);
        site.add(reservations);
        sockets = new SocketsResource(context);
        sockets.sync();
        server.add(site, sockets);
    }

    void notifyIfChanged(Instant now) {
        sockets.sync();
        site.notifyIfChanged(now);
        cap.notifyIfChanged(now);
        reservations.notifyIfChanged(now);
        sockets.notifyIfChanged(now);
    }

    /**
     * Ends every observation with a final notification (see {@link LiveResource#endObservations}), all resources at
     * once, waiting at most {@code timeout} in all.
     *
     * @return whether every observer was told in time
     */
    boolean endObservations(Duration timeout) throws InterruptedException {
        List<LiveResource> all = new ArrayList<>(List.of(site, cap, reservations));
        all.addAll(sockets.live());
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CountDownLatch> told = new ArrayList<>();
        for (LiveResource r : all) told.add(r.endObservations());
        boolean allTold = true;
        for (CountDownLatch t : told) allTold &= t.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return allTold;
    }
}
